import ArgumentParser
import TriageBench

/// `triage bench worker`: AI-worker throughput against a loopback stub endpoint, and candidate-retrieval latency
/// over a large generated order book.
struct BenchWorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Measure the AI worker's queue throughput and candidate-order retrieval latency.",
        discussion: """
            throughput: the real QueueWorker, a real SQLite file queue and the real OpenAIChatClient over HTTP drain \
            seeded jobs against a chat-completions stub served in this process on 127.0.0.1 with a fixed latency. \
            The engine is a thin one that makes exactly one chat call per job, so the ideal rate is \
            concurrency / latency: it measures the queue, leases, concurrency and HTTP client, not the task logic.

            retrieval: candidateOrders(CandidateQuery) over a generated order book (cached in the temporary \
            directory between runs), with queries shaped like the return-match and warranty tasks' own.
            """)

    /// Which half of the benchmark to run.
    enum Part: String, ExpressibleByArgument, CaseIterable {
        case throughput, retrieval
    }

    @Option(help: "Run one part only: throughput or retrieval.")
    var only: Part?

    @Option(help: "Number of throughput runs; the median is reported.")
    var runs = 3

    @Option(help: "Jobs seeded per throughput run.")
    var jobs = 800

    @Option(help: "Jobs in flight at once (worker and HTTP client).")
    var concurrency = 16

    @Option(help: "The stub endpoint's fixed latency per call, in milliseconds.")
    var latencyMs = 200

    @Option(help: "Orders in the generated order book for the retrieval benchmark.")
    var orders = 1_000_000

    @Option(help: "Retrieval queries timed.")
    var queries = 2_000

    @Option(
        help: """
            Also time the retrieval on PostgreSQL: this URL's ?schema= (default triage_bench_orders) gets a copy of             the order book, made once and reused.
            """)
    var postgres: String?

    func validate() throws {
        guard runs > 0, jobs > 0, queries > 0 else {
            throw ValidationError("--runs, --jobs and --queries must be positive")
        }
        guard (1...64).contains(concurrency) else { throw ValidationError("--concurrency must be 1…64") }
        guard latencyMs > 0 else { throw ValidationError("--latency-ms must be positive") }
        guard orders >= 100 else { throw ValidationError("--orders must be at least 100") }
    }

    func run() async throws {
        print("load average at start: \(BenchMachine.loadAverage())")
        if only != .retrieval {
            let settings = ThroughputBench.Settings(
                jobs: jobs, concurrency: concurrency, latency: .milliseconds(latencyMs), runs: runs)
            try await ThroughputBench(settings: settings).run()
        }
        if only != .throughput {
            let location = try postgres.map { try RetrievalBench.postgresLocation($0) }
            try await RetrievalBench(orders: orders, queries: queries, postgres: location).run()
        }
        print("load average at end: \(BenchMachine.loadAverage())")
    }
}
