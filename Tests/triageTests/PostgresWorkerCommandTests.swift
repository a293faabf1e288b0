import Foundation
import Logging
import Testing
import TriageCore
import TriagePostgres
import TriageStore

/// Issue 17's path for a user: the demo's SQLite database moved into PostgreSQL with `triage db copy`, then drained by
/// two `triage worker` processes at once. The cards must come out as one worker on the SQLite file writes them, joins
/// of one order and cause included, and `triage status` must read the same on both stores. Then two `triage serve`
/// processes share the database's reviewers, sessions, locks and decisions (`TwoServers`).
@Suite(.serialized, .timeLimit(.minutes(10)))
struct PostgresWorkerCommandTests {
    @Test(.enabled(if: PostgresQueueFaultTests.enabled))
    func aCopiedDemoDrainedByTwoWorkersGetsTheCardsOneSQLiteWorkerWritesAndTwoServersShareIt() async throws {
        let url = try #require(ProcessInfo.processInfo.environment["TRIAGE_TEST_POSTGRES"], "TRIAGE_TEST_POSTGRES")
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try await TriageProcess.run(["demo", "--out", folder.path, "--llm-sample", "0", "--no-llm"]).status == 0)
        let sqlite = folder.appendingPathComponent("triage.sqlite").path
        var location = try PostgresLocation(url: url)
        location.schema = "cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        location.callTimeout = .seconds(300)
        let target = location.urlWithSchema
        var logger = Logger(label: "test.postgres")
        logger.logLevel = .warning
        try await PostgresStore.resetSchema(location, logger: logger)

        let copy = try await TriageProcess.run(["db", "copy", "--from", sqlite, "--to", target])
        #expect(copy.status == 0, "\(copy.stderr)")
        #expect(copy.stdout.contains("every count matches"))
        #expect(!copy.stdout.contains(":triage@"), "the password never reaches the output")
        let again = try await TriageProcess.run(["db", "copy", "--from", sqlite, "--to", target])
        #expect(again.status != 0 && again.stderr.contains("already holds rows"), "\(again.stderr)")

        let worker = ["worker", "--once", "--no-llm", "--concurrency", "4"]
        let second = try TriageProcess.start(worker + ["--db", target])
        let first = try await TriageProcess.run(worker + ["--db", target])
        await second.exited()
        #expect(first.status == 0 && second.terminationStatus == 0, "\(first.stderr)")
        let local = try await TriageProcess.run(worker + ["--db", sqlite])
        #expect(local.status == 0, "\(local.stderr)")

        let sqliteCards = try AppDatabase.open(path: sqlite).cards(limit: 100_000)
        let postgresCards = try await PostgresStore.withStore(location, logger: logger) { try await $0.workerCards() }
        #expect(postgresCards.count == sqliteCards.count)
        #expect(sqliteCards.contains { $0.card.status == .joined }, "the demo has matches that join a card")
        for stored in sqliteCards {
            let other = try #require(postgresCards[stored.card.exceptionID], "card of exception \(stored.card.exceptionID)")
            #expect(other.status == stored.card.status.rawValue, "exception \(stored.card.exceptionID)")
            #expect(other.summary == stored.card.summary, "exception \(stored.card.exceptionID)")
            #expect(other.confidence == stored.confidence?.rawValue, "exception \(stored.card.exceptionID)")
        }
        let statuses = [
            try await TriageProcess.run(["status", "--db", sqlite]), try await TriageProcess.run(["status", "--db", target]),
        ]
        #expect(statuses.allSatisfy { $0.status == 0 })
        #expect(statuses[0].stdout == statuses[1].stdout)
        try await TwoServers(database: target, folder: folder).check()
        try await PostgresStore.dropSchema(location, logger: logger)
    }

    @Test func aCopyFromAURLSaysItReadsASQLiteFile() async throws {
        let output = try await TriageProcess.run(
            ["db", "copy", "--from", "postgres://triage:secret@127.0.0.1/triage", "--to", "postgres://triage@127.0.0.1/x"])
        #expect(output.status != 0)
        #expect(output.stderr.contains("--from must be a SQLite file"))
        #expect(!output.stderr.contains("secret"))
    }
}

/// `LISTEN/NOTIFY`: an idle worker on PostgreSQL takes a new job when it is announced, not at its next poll.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct PostgresWakeupTests {
    @Test(.enabled(if: PostgresQueueFaultTests.enabled))
    func anIdleWorkerWakesWhenAJobIsQueued() async throws {
        let url = try #require(ProcessInfo.processInfo.environment["TRIAGE_TEST_POSTGRES"], "TRIAGE_TEST_POSTGRES")
        var location = try PostgresLocation(url: url)
        location.schema = "wake_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        location.callTimeout = .seconds(300)
        var logger = Logger(label: "test.postgres")
        logger.logLevel = .warning
        try await PostgresStore.resetSchema(location, logger: logger)
        let worker = try TriageProcess.start(
            ["worker", "--db", location.urlWithSchema, "--no-llm", "--poll-seconds", "120"])
        defer {
            kill(worker.processIdentifier, SIGTERM)
            worker.waitUntilExit()
        }
        // Let it start, find the queue empty and go to sleep on its 120 s poll.
        try await Task.sleep(for: .seconds(4))
        let queuedAt = ContinuousClock.now
        let done = try await PostgresStore.withStore(location, logger: logger) { store in
            try await store.enqueue(AIQueueJobs.one(), now: Date())
            for _ in 0..<300 {
                if try await store.jobCounts()[.done] == 1 { return true }
                try await Task.sleep(for: .milliseconds(100))
            }
            return false
        }
        #expect(done, "the job was not done within 30 s of being queued; the worker waited for its 120 s poll")
        print("wake-up: queued to done in \(queuedAt.duration(to: .now))")
        try await PostgresStore.dropSchema(location, logger: logger)
    }
}

/// One queued warranty job.
enum AIQueueJobs {
    static func one() -> [WorkerIntake] {
        [
            WorkerIntake(
                exception: NewException(
                    source: "mail", eventID: "wake-1", kind: .warrantyClaim, occurredAt: Date(),
                    text: "My kettle stopped working."),
                task: .warranty, team: "customer_ops", title: "Warranty claim")
        ]
    }
}
