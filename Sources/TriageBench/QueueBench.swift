import Foundation
import TriageCore

/// Queue throughput across processes: claim + card + ack per second with 1, 2, 4… worker processes draining one
/// seeded queue, on SQLite or PostgreSQL. Each child (`triage bench queue-drain`) claims in batches and acks every
/// job with a suggestion written on its card, as the worker does, with no model call; the parent checks that every
/// job was acked exactly once and every card carries its suggestion.
public struct QueueBench: Sendable {
    /// What one queue benchmark runs.
    public struct Settings: Sendable {
        /// The store.
        public var store: QueueBenchStore
        /// Jobs seeded per run.
        public var jobs: Int
        /// The process counts to measure, in order.
        public var processes: [Int]
        /// Jobs per claim.
        public var batch: Int
        /// Claim-and-ack loops per process (the worker's concurrency).
        public var concurrency: Int
        /// Runs per process count; the median is reported.
        public var runs: Int
        /// Whether a claimed batch is acked in one transaction or job by job.
        public var ack: AckMode

        /// Creates settings.
        public init(
            store: QueueBenchStore, jobs: Int, processes: [Int], batch: Int, concurrency: Int, runs: Int, ack: AckMode
        ) {
            (self.store, self.jobs, self.processes) = (store, jobs, processes)
            (self.batch, self.concurrency, self.runs, self.ack) = (batch, concurrency, runs, ack)
        }
    }

    /// The environment variable that hands a child the store (a URL may hold a password; argv is public).
    public static let storeVariable = "TRIAGE_BENCH_QUEUE_DB"

    let settings: Settings
    let executable: URL

    /// A benchmark whose children run `executable` (this program).
    public init(settings: Settings, executable: URL) {
        self.settings = settings
        self.executable = executable
    }

    /// Measures each process count and prints one line per run and a summary table; throws if a job was lost or
    /// acked twice.
    public func run() async throws {
        print(
            "bench queue: \(settings.jobs) jobs on \(settings.store), batch \(settings.batch), "
                + "\(settings.concurrency) loops per process, acks \(settings.ack.rawValue), \(BenchMachine.cores) cores")
        var rows: [[String]] = []
        for processes in settings.processes {
            var rates: [Double] = []
            for run in 1...settings.runs {
                let rate = try await measure(processes: processes)
                print(String(format: "  %d process(es), run %d: %.0f jobs/s", processes, run, rate))
                rates.append(rate)
            }
            rows.append(["\(processes)", String(format: "%.0f", Statistics.median(rates) ?? 0), "exactly once"])
        }
        print(TextTable.render(header: ["processes", "median jobs/s", "checked"], rows: rows))
    }

    /// One run: seed, drain with `processes` children, check; returns jobs per second over the drain.
    private func measure(processes: Int) async throws -> Double {
        try await settings.store.reset(jobs: settings.jobs)
        let children = try (0..<processes).map { try spawn(owner: "bench-p\($0)") }
        var reports: [DrainReport] = []
        for child in children { reports.append(try await child.report()) }
        let acked = reports.reduce(0) { $0 + $1.acked }
        let (done, suggested) = try await settings.store.withQueue(connections: 2) { store in
            (try await store.jobCounts()[.done] ?? 0, try await store.cardCountsByStatus()["open"] ?? 0)
        }
        guard acked == settings.jobs, done == settings.jobs, suggested == settings.jobs else {
            throw BenchError(
                "bench queue: \(settings.jobs) jobs seeded but \(acked) acked, \(done) done and \(suggested) cards "
                    + "suggested with \(processes) process(es): a job was lost or done twice")
        }
        let span = (reports.map(\.finished).max() ?? 0) - (reports.map(\.started).min() ?? 0)
        return Double(settings.jobs) / max(span, 1e-6)
    }

    private func spawn(owner: String) throws -> DrainChild {
        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "bench", "queue-drain", "--owner", owner, "--batch", "\(settings.batch)",
            "--concurrency", "\(settings.concurrency)", "--ack", settings.ack.rawValue,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment[Self.storeVariable] = settings.store.argument
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        return DrainChild(process: process, output: output, owner: owner)
    }
}

/// A running `queue-drain` child.
struct DrainChild {
    let process: Process
    let output: Pipe
    let owner: String

    /// Waits for the child and reads its report.
    func report() async throws -> DrainReport {
        let data = try await Task.detached { [output] in try output.fileHandleForReading.readToEnd() ?? Data() }.value
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("bench queue: child \(owner) exited \(process.terminationStatus) without a report")
        }
        do {
            return try JSONDecoder().decode(DrainReport.self, from: data)
        } catch {
            throw BenchError("bench queue: child \(owner) wrote an unreadable report: \(error)")
        }
    }
}

/// How a drain acks what it claimed.
public enum AckMode: String, Sendable, CaseIterable {
    /// One transaction per job (`complete`).
    case each
    /// One transaction per claimed batch (`completeAll`).
    case batch
}

/// What one drain process did: jobs acked, and when its first claim started and its last ack ended (seconds since
/// 1970, so reports from several processes share one clock).
public struct DrainReport: Codable, Sendable {
    /// Jobs this process acked.
    public var acked: Int
    /// When the first claim started.
    public var started: Double
    /// When the last ack finished.
    public var finished: Double
}

/// The child side: claims `batch` jobs at a time in `concurrency` loops and acks each with a suggestion on its
/// card, until the queue is empty.
public struct QueueDrain: Sendable {
    let store: QueueBenchStore
    let owner: String
    let batch: Int
    let concurrency: Int
    let ack: AckMode
    /// Seconds a claim holds its jobs; a killed drain's jobs come back after this.
    public var leaseSeconds: Double = 300
    /// Claims per job before it is dead-lettered.
    public var maxAttempts = 4

    /// A drain of `store` as `owner`.
    public init(store: QueueBenchStore, owner: String, batch: Int, concurrency: Int, ack: AckMode) {
        (self.store, self.owner, self.batch, self.concurrency, self.ack) = (store, owner, batch, concurrency, ack)
    }

    /// Drains the queue and returns the report.
    public func run() async throws -> DrainReport {
        let drain = self
        return try await store.withQueue(connections: concurrency) { store in
            let started = Date().timeIntervalSince1970
            let acked = try await withThrowingTaskGroup(of: Int.self) { group in
                for loop in 0..<drain.concurrency {
                    group.addTask { try await drain.loop(store, owner: "\(drain.owner)-\(loop)") }
                }
                return try await group.reduce(0, +)
            }
            return DrainReport(acked: acked, started: started, finished: Date().timeIntervalSince1970)
        }
    }

    private func loop(_ store: any AIJobQueue, owner: String) async throws -> Int {
        var acked = 0
        while true {
            let jobs = try await store.claim(
                owner: owner, limit: batch, now: Date(), leaseSeconds: leaseSeconds, task: nil, maxAttempts: maxAttempts)
            if jobs.isEmpty { return acked }
            let results = jobs.map { job in
                (job: job, suggestion: Suggestion(
                    task: job.task, action: "bench_action", confidence: .medium, model: "bench-no-model",
                    promptVersion: "bench"))
            }
            switch ack {
            case .batch:
                acked += try await store.completeAll(results, now: Date()).count
            case .each:
                for (job, suggestion) in results where try await store.complete(job, with: suggestion, now: Date()) {
                    acked += 1
                }
            }
        }
    }
}
