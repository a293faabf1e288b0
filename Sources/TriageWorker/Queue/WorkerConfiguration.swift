import Foundation
import TriageCore

/// How the worker drains the queue. Built once by the executable from flags.
public struct WorkerConfiguration: Sendable {
    /// Jobs in flight at once.
    public var concurrency: Int
    /// How long a claim holds a job before another worker may take it.
    public var leaseSeconds: Double
    /// How long to wait between polls when the queue is empty (when not `once`).
    public var pollSeconds: Double
    /// This worker's name on its leases.
    public var owner: String
    /// Retries and backoff.
    public var retry: AIJobRetryPolicy
    /// The most jobs to process, e.g. the demo's bounded sample; nil for all.
    public var limit: Int?
    /// Drain what is there and return, instead of polling for more.
    public var once: Bool
    /// Only jobs of this task, when set.
    public var task: AITask?
    /// The most time one attempt at a job may take, model calls and their retries included; past it the attempt
    /// fails (and is retried with backoff), so a hanging endpoint costs this much, not attempts × call timeout.
    public var jobDeadlineSeconds: Double
    /// How long the worker keeps retrying the queue (claims, the next due date) while the store does not answer,
    /// with backoff, before it gives up: a database restart or failover is survived, a database gone for good is
    /// reported.
    public var storeOutageSeconds: Double

    /// Creates a configuration.
    public init(
        concurrency: Int = 2, leaseSeconds: Double = 300, pollSeconds: Double = 1, owner: String,
        retry: AIJobRetryPolicy = .init(), limit: Int? = nil, once: Bool = true,
        task: AITask? = nil, jobDeadlineSeconds: Double = 120, storeOutageSeconds: Double = 60
    ) {
        self.storeOutageSeconds = storeOutageSeconds
        self.task = task
        self.jobDeadlineSeconds = jobDeadlineSeconds
        self.concurrency = max(concurrency, 1)
        self.leaseSeconds = leaseSeconds
        self.pollSeconds = pollSeconds
        self.owner = owner
        self.retry = retry
        self.limit = limit
        self.once = once
    }
}

/// What a drain did.
public struct WorkerRunSummary: Sendable, Hashable {
    /// Jobs whose card got its suggestion.
    public var done = 0
    /// Failed attempts that will be retried.
    public var retried = 0
    /// Jobs that ran out of attempts.
    public var dead = 0
    /// Jobs another worker took over (lease lost).
    public var lost = 0
    /// Jobs given back unfinished at shutdown.
    public var released = 0
    /// Done jobs per task.
    public var doneByTask: [AITask: Int] = [:]
    /// Store errors that could not be recorded on their job (counted in `lost`; the job's lease runs out).
    public var storeErrors: [String] = []
    /// Queue calls (claims, due dates) that failed and were tried again after a backoff.
    public var storeRetries = 0
    /// Heartbeats whose lease extension failed (the store did not answer).
    public var missedHeartbeats = 0
    /// The job that finished last, for a log line per job.
    public var lastJob: FinishedJob?

    /// An empty summary.
    public init() {}
}

/// A job as it finished, for the worker's log: one line per job.
public struct FinishedJob: Sendable, Hashable {
    /// How the job ended.
    public enum End: String, Sendable, Hashable {
        /// The card got its suggestion.
        case done
        /// The attempt failed and the job waits for another.
        case retried
        /// The job ran out of attempts.
        case dead
        /// Another worker took the job over (the lease ran out).
        case lost
        /// A store error could not even be written to the job.
        case unrecorded
    }

    public var jobID: Int64
    public var exceptionID: Int64
    public var task: AITask
    public var end: End
    /// Seconds from taking the job to its end.
    public var seconds: Double
    /// The model that answered, nil when the rules decided without one.
    public var model: String?
    public var confidence: Confidence?
    /// Why the attempt failed, for the ends that are failures.
    public var error: String?

    /// `job 12 warranty (exception 40): done in 1.42 s, model gemma-3-270m, confidence high`.
    public var line: String {
        var line = "job \(jobID) \(task.rawValue) (exception \(exceptionID)): \(end.rawValue) in "
            + String(format: "%.2f s", seconds)
        if end == .done {
            line += ", " + (model.map { "model \($0)" } ?? "no model call")
            if let confidence { line += ", confidence \(confidence.rawValue)" }
        }
        if let error { line += ": \(error)" }
        return line
    }
}
