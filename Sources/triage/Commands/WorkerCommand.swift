import ArgumentParser
import Foundation
import Hummingbird
import Logging
import TriageCore
import TriageLLM
import TriageMetrics
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

    @Option(help: "Seconds a claimed job stays leased; a crashed worker's jobs are taken again after this.")
    var leaseSeconds: Double = 300

    @Option(help: "Seconds one attempt at a job may take in all (model calls and their retries) before it is retried.")
    var jobDeadline: Double = 120

    @Option(help: "Serve Prometheus /metrics on this port of 127.0.0.1 while the worker runs (0: any free port).")
    var metricsPort: Int?

    func validate() throws {
        guard jobDeadline > 0 else { throw ValidationError("--job-deadline must be positive") }
        guard concurrency >= 1, concurrency <= 64 else { throw ValidationError("--concurrency must be 1…64") }
        guard attempts >= 1 else { throw ValidationError("--attempts must be at least 1") }
        guard leaseSeconds >= 1 else { throw ValidationError("--lease-seconds must be at least 1") }
        if let limit, limit < 0 { throw ValidationError("--limit must not be negative") }
    }

    func run() async throws {
        let database = try store.openExisting()
        let metrics = try metricsPort.map { try WorkerMetricsServer.start(port: $0, operations: database) }
        defer { metrics?.cancel() }
        let engine = try llm.engine(database: database, concurrency: concurrency)
        let configuration = WorkerConfiguration(
            concurrency: concurrency, leaseSeconds: leaseSeconds, owner: "worker-\(getpid())", retry: .init(maxAttempts: attempts), limit: limit,
            once: once, task: task, jobDeadlineSeconds: jobDeadline)
        let worker = QueueWorker(queue: database, engine: engine.maker, configuration: configuration)
        print("worker: model \(engine.modelDescription), prompts \(llm.promptsOrigin)")
        let summary = try await WorkerService.runUntilDone(
            worker, logger: Logger(label: "triage.worker"), progress: WorkerReport.progress)
        if isTerminal { print("") }
        print(WorkerReport.line(summary, counts: try database.jobCounts()))
        if let problem = WorkerReport.problem(summary, endpoint: engine.modelDescription) {
            FileHandle.standardError.write(Data((problem.message + "\n").utf8))
            throw ExitCode(problem.code)
        }
    }
}

/// The worker's `/metrics` server: the shared status and this process's own LLM calls.
enum WorkerMetricsServer {
    static func start(port: Int, operations: any OperationsStatusReading) throws -> Task<Void, Never> {
        guard (0...65_535).contains(port) else { throw ValidationError("--metrics-port must be 0…65535") }
        let process = ProcessMetrics.bootstrap()
        let logger = Logger(label: "triage.worker.metrics")
        let app = MetricsEndpoint.application(
            operations: operations, process: process, host: "127.0.0.1", port: port, logger: logger,
            onRunning: { bound in FileHandle.standardError.write(Data("worker: metrics on http://127.0.0.1:\(bound)/metrics\n".utf8)) })
        return Task {
            do { try await app.runService(gracefulShutdownSignals: []) } catch {
                logger.error("metrics server stopped", metadata: ["error": "\(error)"])
            }
        }
    }
}

/// The worker's progress line and closing summary.
enum WorkerReport {
    @Sendable static func progress(_ summary: WorkerRunSummary) {
        guard isTerminal else { return }
        let line = "\rworker: \(summary.done) done, \(summary.retried) retried, \(summary.dead) dead"
        FileHandle.standardOutput.write(Data(line.utf8))
    }

    /// What a cron job must act on, with its exit code: 3 when the model endpoint did not answer (jobs were retried
    /// and nothing was done), 1 when jobs ran out of attempts; nil when the run did its work.
    static func problem(_ summary: WorkerRunSummary, endpoint: String) -> (code: Int32, message: String)? {
        if summary.retried > 0, summary.done == 0 {
            return (3, "worker: the model endpoint (\(endpoint)) did not answer; \(summary.retried) attempts failed and "
                + "their jobs stay queued. Start it (`scripts/local-llm start`), point TRIAGE_LLM_BASE_URL at a running "
                + "one, or run with --no-llm.")
        }
        if summary.dead > 0 {
            return (1, "worker: \(summary.dead) jobs ran out of attempts (dead letters); their cards wait for a "
                + "person. See the worker log for each error.")
        }
        return nil
    }

    static func line(_ summary: WorkerRunSummary, counts: [AIJobState: Int]) -> String {
        let byTask = summary.doneByTask.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
        return "worker: \(summary.done) cards pre-filled (\(byTask.joined(separator: ", "))), \(summary.retried) retried, "
            + "\(summary.dead) dead; queue now: \(counts[.queued] ?? 0) queued, \(counts[.leased] ?? 0) leased, "
            + "\(counts[.done] ?? 0) done, \(counts[.dead] ?? 0) dead"
            + summary.storeErrors.map { "\nworker: store error not recorded on its job: \($0)" }.joined()
    }
}

/// True when standard output is a terminal (progress lines only there).
let isTerminal = isatty(STDOUT_FILENO) != 0

extension AITask: ExpressibleByArgument {}
