import ArgumentParser
import Foundation
import Logging
import TriageCore
import TriageLLM
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

    func validate() throws {
        guard jobDeadline > 0 else { throw ValidationError("--job-deadline must be positive") }
        guard concurrency >= 1, concurrency <= 64 else { throw ValidationError("--concurrency must be 1…64") }
        guard attempts >= 1 else { throw ValidationError("--attempts must be at least 1") }
        guard leaseSeconds >= 1 else { throw ValidationError("--lease-seconds must be at least 1") }
        if let limit, limit < 0 { throw ValidationError("--limit must not be negative") }
    }

    func run() async throws {
        let database = try store.openExisting()
        let engine = try llm.engine(database: database, concurrency: concurrency)
        let configuration = WorkerConfiguration(
            concurrency: concurrency, leaseSeconds: leaseSeconds, owner: "worker-\(getpid())", retry: .init(maxAttempts: attempts), limit: limit,
            once: once, task: task, jobDeadlineSeconds: jobDeadline)
        let worker = QueueWorker(queue: database, engine: engine.maker, configuration: configuration)
        print("worker: model \(engine.modelDescription), prompts \(llm.promptsOrigin)")
        let summary = try await WorkerService.runUntilDone(
            worker, logger: Logger(label: "triage.worker"), progress: WorkerReport.progress)
        if isTerminal { print("") }
        print(WorkerReport.line(summary, counts: try await database.jobCounts()))
        if let problem = WorkerReport.problem(summary, endpoint: engine.modelDescription) {
            FileHandle.standardError.write(Data((problem.message + "\n").utf8))
            throw ExitCode(problem.code)
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
