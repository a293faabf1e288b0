import Foundation
import TriageCore
import TriageLLM
import TriageStore
import TriageWorker

/// Worker throughput: seeded jobs in a SQLite file drained by the real `QueueWorker` through the real
/// `OpenAIChatClient` against the in-process stub endpoint.
public struct ThroughputBench {
    /// What one throughput benchmark runs.
    public struct Settings: Sendable {
        /// Jobs seeded per run.
        public var jobs: Int
        /// Jobs in flight at once (worker and HTTP client).
        public var concurrency: Int
        /// The stub endpoint's fixed latency per call.
        public var latency: Duration
        /// Runs; the median is reported.
        public var runs: Int

        /// Creates settings.
        public init(jobs: Int, concurrency: Int, latency: Duration, runs: Int) {
            self.jobs = jobs
            self.concurrency = concurrency
            self.latency = latency
            self.runs = runs
        }

        /// The best possible rate: every slot busy with one call of the stub's latency.
        var idealRate: Double { Double(concurrency) / latency.seconds }
    }

    let settings: Settings

    /// Creates the benchmark.
    public init(settings: Settings) { self.settings = settings }

    /// Runs the benchmark, printing each run and the median against the ideal rate.
    public func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("triage-bench-worker-\(getpid())")
        defer { Scratch.remove(folder) }
        let stats = BenchStubStats()
        print(
            "bench worker throughput: \(settings.jobs) jobs, concurrency \(settings.concurrency), stub latency "
                + "\(settings.latency), ideal \(String(format: "%.1f", settings.idealRate)) jobs/s")
        print("  engine: one chat call per job (measures queue, leases, concurrency and HTTP client; no task logic)")
        let settings = self.settings
        let rates = try await BenchStubEndpoint.serve(latency: settings.latency, stats: stats) { url in
            var rates: [Double] = []
            for run in 1...settings.runs {
                let path = folder.appendingPathComponent("run-\(run).sqlite").path
                rates.append(try await Self.measure(run: run, path: path, url: url, stats: stats, settings: settings))
            }
            return rates
        }
        let median = Statistics.median(rates) ?? 0
        print(
            String(
                format:
                    "bench worker throughput: median %.1f jobs/s over %d runs = %.1f %% of ideal %.1f (goal ≥ 90 %%)",
                median, rates.count, 100 * median / settings.idealRate, settings.idealRate))
    }

    /// One run on a fresh database file; returns jobs per second.
    private static func measure(run: Int, path: String, url: URL, stats: BenchStubStats, settings: Settings)
        async throws -> Double
    {
        let database = try AppDatabase.open(path: path)
        try await BenchQueueSeed.seed(database, count: settings.jobs)
        let worker = QueueWorker(
            queue: database, engine: BenchOneCallEngine(chat: client(url: url, settings: settings)),
            configuration: WorkerConfiguration(
                concurrency: settings.concurrency, owner: "bench-\(getpid())", retry: .init(maxAttempts: 3), once: true)
        )
        stats.reset()
        let (start, cpuStart) = (ContinuousClock.now, BenchMachine.cpuSeconds())
        let summary = try await worker.run()
        let seconds = BenchMachine.seconds(since: start)
        let cpu = BenchMachine.cpuSeconds() - cpuStart
        let done = try await database.jobCounts()[.done] ?? 0
        guard summary.done == settings.jobs, done == settings.jobs else {
            throw BenchError("run \(run): \(summary.done) of \(settings.jobs) jobs done (\(summary.dead) dead)")
        }
        let rate = Double(settings.jobs) / seconds
        print(
            String(
                format: "  run %d: %.1f jobs/s (%.1f %% of ideal), %.2f s, %d stub calls, peak %d of %d in flight; "
                    + "CPU %.2f s = %.1f %% of a core (worker, HTTP client and stub; with a slow stub: the cost of waiting)",
                run, rate, 100 * rate / settings.idealRate, seconds, stats.calls, stats.peak, settings.concurrency, cpu,
                100 * cpu / seconds))
        return rate
    }

    /// The production HTTP client, pointed at the stub, with its concurrency limit at the worker's.
    private static func client(url: URL, settings: Settings) -> OpenAIChatClient {
        let configuration = LLMConfiguration(
            baseURL: url, model: "stub-model", timeout: .seconds(30), maxAttempts: 3,
            concurrencyLimit: settings.concurrency)
        return OpenAIChatClient(configuration: configuration)
    }
}
