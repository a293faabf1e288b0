import Foundation
import Logging
import Testing
import TriageCore
import TriagePostgres
import TriageStore
import TriageTestSupport

/// Issue 17's fault test with the real thing: four `triage worker` processes drain the demo's AI queue, moved into a
/// PostgreSQL server of the test's own, through a 50 ms stub model endpoint. Workers are SIGKILLed at random (100
/// kills), their connections terminated every tenth kill, and the server restarted once mid-run. Afterwards every job
/// is done exactly once, and every exception has exactly one card, with the suggestion on it.
@Suite(.serialized, .timeLimit(.minutes(15)))
struct PostgresWorkerFaultTests {
    static let kills = 100
    /// Each demo AI exception is queued this many times (new event ids), so the queue outlasts the kills.
    static let copies = 8

    @Test(.enabled(if: PostgresQueueFaultTests.enabled))
    func killedWorkersDroppedConnectionsAndARestartLoseNoJobAndDoNoneTwice() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try await TriageProcess.run(["demo", "--out", folder.path, "--llm-sample", "0", "--no-llm"]).status == 0)
        let sqlite = folder.appendingPathComponent("triage.sqlite").path
        let server = try await TriageProcess.offload { try PrivatePostgres.start() }
        defer { server.stop() }
        print("worker fault test: a server of its own on port \(server.port)")
        var location = try PostgresLocation(url: server.url)
        location.applicationName = "fault-worker"
        let copy = try await TriageProcess.run(["db", "copy", "--from", sqlite, "--to", server.url])
        #expect(copy.status == 0, "\(copy.stderr)")
        var logger = Logger(label: "test.fault")
        logger.logLevel = .critical
        var admin = location
        admin.applicationName = "fault-admin"
        admin.callTimeout = .seconds(300)
        let total = try await Self.queueCopies(of: sqlite, into: admin, logger: logger)
        print("worker fault test: \(total) jobs queued")

        let (workers, monitor, quiet) = (location, admin, logger)
        let counts = try await StubChatEndpoint.run(latency: .milliseconds(50)) { port in
            try await Self.killLoop(location: workers, admin: monitor, server: server, port: port, logger: quiet)
        }
        try await PostgresStore.withStore(admin, connections: 1, logger: logger) { store in
            let jobs = try await store.aiJobs()
            let cards = try await store.workerCards()
            let suggested = cards.filter { id, card in
                jobs.contains { $0.exceptionID == id } && ["open", "joined"].contains(card.status) && card.confidence != nil
            }
            print("worker fault test: \(jobs.count) jobs, \(counts.kills) SIGKILLs, \(counts.terminated) terminated "
                + "connections, 1 server restart, \(jobs.filter { $0.state == .done }.count) done, "
                + "\(suggested.count) cards with a suggestion, \(jobs.filter { $0.attempts > 1 }.count) claimed more than once")
            #expect(counts.kills == Self.kills, "the queue emptied before \(Self.kills) workers were killed")
            #expect(jobs.count == total)
            #expect(jobs.allSatisfy { $0.state == .done }, "\(jobs.filter { $0.state != .done }.prefix(3))")
            #expect(Set(jobs.map(\.exceptionID)).count == jobs.count, "one job per exception")
            #expect(suggested.count == total, "one card per exception, with its suggestion")
        }
    }

    /// Queues `copies` more of every AI exception of the demo, with new event ids; returns how many jobs there are.
    static func queueCopies(of sqlite: String, into location: PostgresLocation, logger: Logger) async throws -> Int {
        let database = try AppDatabase.open(path: sqlite)
        var intakes: [WorkerIntake] = []
        let jobs = try database.aiJobs()
        for job in jobs {
            guard let record = try await database.exception(forJob: job),
                let card = try database.card(exceptionID: job.exceptionID)
            else { continue }
            for copy in 1..<copies {
                var exception = record.exception
                exception.eventID += "-copy\(copy)"
                intakes.append(WorkerIntake(exception: exception, task: job.task, team: card.card.team, title: card.card.title))
            }
        }
        let queued = intakes
        let added = try await PostgresStore.withStore(location, connections: 1, logger: logger) { store in
            try await store.enqueue(queued, now: Date())
        }
        #expect(added == intakes.count)
        return jobs.count + added
    }

    /// Runs four workers, killing one at random every 20–80 ms and starting another in its place; terminates the
    /// workers' connections every tenth kill and restarts the server at the fiftieth; then lets the queue drain.
    static func killLoop(
        location: PostgresLocation, admin: PostgresLocation, server: PrivatePostgres, port: Int, logger: Logger
    ) async throws -> (kills: Int, terminated: Int) {
        let environment = ["TRIAGE_LLM_BASE_URL": "http://127.0.0.1:\(port)/v1"]
        let command = [
            "worker", "--db", location.urlWithSchema, "--once", "--concurrency", "4", "--lease-seconds", "2",
            "--attempts", "50", "--llm-timeout", "5",
        ]
        var workers = try (0..<4).map { _ in try TriageProcess.start(command, environment: environment) }
        var (kills, terminated) = (0, 0)
        var generator = SystemRandomNumberGenerator()
        while kills < Self.kills {
            try await Task.sleep(for: .milliseconds(Int.random(in: 20...80, using: &generator)))
            let victim = Int.random(in: 0..<workers.count, using: &generator)
            if !workers[victim].isRunning {  // it found nothing left to claim
                if try await Self.remaining(admin, logger: logger) == 0 { break }
                workers[victim] = try TriageProcess.start(command, environment: environment)
                continue
            }
            // Not a worker any more: it exited on its own after the check above (a zombie not yet reaped; its pid
            // cannot be reused until it is). Never kill it; the next round sees it stopped and restarts it.
            guard Self.isWorker(workers[victim].processIdentifier) else { continue }
            kill(workers[victim].processIdentifier, SIGKILL)
            await workers[victim].exited()
            kills += 1
            if kills % 10 == 0 {
                terminated += try await PostgresStore.withStore(admin, connections: 1, logger: logger) { store in
                    try await store.terminateConnections(applicationName: location.applicationName)
                }
            }
            if kills == Self.kills / 2 { try await TriageProcess.offload { try server.restart() } }
            workers[victim] = try TriageProcess.start(command, environment: environment)
        }
        for worker in workers { await worker.exited() }
        // Killed workers leave leased jobs behind; a last worker takes them once their 2 s leases expire.
        let last = try await TriageProcess.run(command, environment: environment)
        #expect(last.status == 0, "\(last.stdout)\n\(last.stderr)")
        return (kills, terminated)
    }

    /// Whether `pid` is a running `triage worker`, read from /proc before it is killed: a pid is reused quickly on a
    /// busy machine (pid_max 32768 here), and a stale one could name any process, the database server included.
    static func isWorker(_ pid: Int32) -> Bool {
        guard pid > 0, let cmdline = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
        let words = cmdline.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.split(separator: " ")
        return words.count > 1 && words[0].hasSuffix("/triage") && words[1] == "worker" && state?[2] != "Z"
    }

    /// Jobs not yet done.
    static func remaining(_ location: PostgresLocation, logger: Logger) async throws -> Int {
        try await PostgresStore.withStore(location, connections: 1, logger: logger) { store in
            try await store.jobCounts().filter { $0.key != .done }.values.reduce(0, +)
        }
    }
}
