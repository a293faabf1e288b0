import Foundation

/// What an operator watches across every worker and server process, read from the shared store: the queue per
/// task, the model's calls, cards decided, and the outbox. `triage status` prints it; `/metrics` exports it.
public struct OperationsStatus: Sendable, Hashable, Codable {
    /// One AI task's queue.
    public struct TaskQueue: Sendable, Hashable, Codable {
        /// The task.
        public var task: String
        /// Jobs waiting to be claimed.
        public var queued: Int
        /// Jobs claimed by a worker now.
        public var leased: Int
        /// Jobs whose card has its suggestion (each was claimed and acknowledged).
        public var done: Int
        /// Jobs that ran out of attempts (dead letters).
        public var dead: Int
        /// Claims over all jobs (every attempt starts with one).
        public var claims: Int
        /// Attempts beyond the first, over all jobs (retries).
        public var retries: Int
        /// Seconds the oldest queued job has waited, 0 when none waits.
        public var oldestQueuedSeconds: Double

        /// Creates a task queue's figures.
        public init(
            task: String, queued: Int, leased: Int, done: Int, dead: Int, claims: Int, retries: Int, oldestQueuedSeconds: Double
        ) {
            self.claims = claims
            self.task = task
            self.queued = queued
            self.leased = leased
            self.done = done
            self.dead = dead
            self.retries = retries
            self.oldestQueuedSeconds = oldestQueuedSeconds
        }
    }

    /// The queue per task.
    public var queues: [TaskQueue] = []
    /// Model calls behind stored suggestions, by model.
    public var modelCalls: [String: Int] = [:]
    /// Prompt tokens of those calls.
    public var promptTokens = 0
    /// Completion tokens of those calls.
    public var completionTokens = 0
    /// How many of those calls took at most each of ``latencyBuckets`` (cumulative, Prometheus style).
    public var latencyCounts: [Int] = []
    /// The sum of their latencies in seconds.
    public var latencySum = 0.0
    /// Failed model calls by class (`timeout`, `job_deadline`, `unreachable`, `http_429`, `http_5xx`, `invalid_response`, …), from
    /// the jobs' last errors.
    public var llmErrors: [String: Int] = [:]
    /// Cards decided, by who decided (`reviewer`, `rule`) and action.
    public var decided: [String: Int] = [:]
    /// Outbox messages by state (`pending`, `delivered`, `failed`).
    public var outbox: [String: Int] = [:]
    /// Outbox messages whose last delivery attempt failed (pending a retry, or failed for good).
    public var outboxFailures = 0

    /// The latency bucket bounds in seconds.
    public static let latencyBuckets: [Double] = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30]

    /// An empty status.
    public init() {}

    /// The class of a stored LLM error message, as ``ChatError`` words them.
    public static func errorClass(_ message: String) -> String {
        let text = message.lowercased()
        if text.contains("timed out") { return "timeout" }
        // The worker's own limit on one attempt (`--job-deadline`), worded in QueueWorker+Deadline.
        if text.contains("job deadline") { return "job_deadline" }
        if text.contains("unreachable") { return "unreachable" }
        if let range = text.range(of: "answered http ") {
            let status = text[range.upperBound...].prefix(3)
            return status == "429" ? "http_429" : status.hasPrefix("5") ? "http_5xx" : "http_other"
        }
        if text.contains("invalid response") { return "invalid_response" }
        return "other"
    }
}

/// Reads ``OperationsStatus`` from the shared store, in one read transaction.
public protocol OperationsStatusReading: Sendable {
    /// The status as of `now`.
    func operationsStatus(now: Date) async throws -> OperationsStatus
}
