import ArgumentParser
import Foundation
import Logging
import TriageCore
import TriageLLM
import TriageServer
import TriageStore
import TriageWorker

/// `triage worker`: drains the AI queue through the LLM endpoint and pre-fills the cards.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Drain the AI queue: returns without order number, supplier invoices, warranty emails.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var llm: LLMOptions

    @Option(help: "Jobs in flight at once.")
    var concurrency = 2

    @Flag(help: "Drain what is queued and exit, instead of polling for more.")
    var once = false

    @Option(help: "Process at most this many jobs.")
    var limit: Int?

    @Option(help: "Only jobs of this task (return_match, invoice, warranty).")
    var task: AITask?

    @Option(help: "Attempts per job before it is dead.")
    var attempts = 3

    @Option(
        help: "Seconds a claim holds a job; a heartbeat every third of it extends the jobs in flight, so a killed worker's jobs are taken again within this.")
    var leaseSeconds: Double = 60

    @Option(help: "Seconds one attempt at a job may take in all (model calls and their retries) before it is retried.")
    var jobDeadline: Double = 120

    @Option(help: "Seconds between polls of an idle queue (default 1; 5 on PostgreSQL, where new jobs wake the worker).")
    var pollSeconds: Double?

    @Option(help: "Serve Prometheus /metrics on this port of 127.0.0.1 while the worker runs (0: any free port).")
    var metricsPort: Int?

    func validate() throws {
        if let pollSeconds, !(0.05...3_600).contains(pollSeconds) {
            throw ValidationError("--poll-seconds must be 0.05…3600")
        }
        guard jobDeadline > 0 else { throw ValidationError("--job-deadline must be positive") }
        guard concurrency >= 1, concurrency <= 64 else { throw ValidationError("--concurrency must be 1…64") }
        guard attempts >= 1 else { throw ValidationError("--attempts must be at least 1") }
        guard leaseSeconds >= 1 else { throw ValidationError("--lease-seconds must be at least 1") }
        if let limit, limit < 0 { throw ValidationError("--limit must not be negative") }
        if let metricsPort, !(0...65_535).contains(metricsPort) { throw ValidationError("--metrics-port must be 0…65535") }
    }

    func run() async throws {
        try await store.withWorkerStore(listen: true, waitForServer: true) { database, arrivals in try await drain(database, arrivals: arrivals) }
    }

    private func drain(_ database: any WorkerStore, arrivals: (any JobArrivals)?) async throws {
        let metrics = metricsPort.map { MetricsEndpoint.service(port: $0, operations: database) }
        let engine = try llm.engine(reference: database, cache: database, concurrency: concurrency)
        var configuration = WorkerConfiguration(
            concurrency: concurrency, leaseSeconds: leaseSeconds, owner: "worker-\(getpid())", retry: .init(maxAttempts: attempts), limit: limit,
            once: once, task: task, jobDeadlineSeconds: jobDeadline)
        // Announced jobs wake the worker at once; the poll catches retries and expired leases, which announce nothing.
        configuration.pollSeconds = pollSeconds ?? (arrivals == nil ? 1 : 5)
        let worker = QueueWorker(queue: database, engine: engine.maker, configuration: configuration, arrivals: arrivals)
        print("worker: model \(engine.modelDescription), prompts \(llm.promptsOrigin)")
        let summary = try await WorkerService.runUntilDone(
            worker, alongside: metrics.map { [$0] } ?? [], logger: Logger(label: "triage.worker"),
            progress: WorkerReport.progress)
        if WorkerReport.isTerminal { print("") }
        let counts = try await database.jobCounts()
        print(WorkerReport.line(summary, counts: counts))
        let waiting = counts[.queued] ?? 0
        if let problem = WorkerReport.problem(summary, endpoint: engine.modelDescription, once: once, waiting: waiting) {
            FileHandle.standardError.write(Data((problem.message + "\n").utf8))
            throw ExitCode(problem.code)
        }
    }
}

extension AITask: ExpressibleByArgument {}
