import Foundation

/// Where a job on the AI queue is.
public enum AIJobState: String, Sendable, Codable, Hashable {
    /// Waiting to be claimed (after `notBefore`).
    case queued
    /// Claimed by a worker until `leaseUntil`; an expired lease is claimed again.
    case leased
    /// The card has its suggestion.
    case done
    /// Every attempt failed; the card says why.
    case dead
}

/// One unstructured exception waiting for (or done by) the AI worker.
public struct AIJob: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var exceptionID: Int64
    public var task: AITask
    public var state: AIJobState
    /// Attempts started so far, this one included once claimed.
    public var attempts: Int
    public var leaseOwner: String?
    public var leaseUntil: Date?
    public var notBefore: Date
    public var lastError: String?

    /// Creates a job value.
    public init(
        id: Int64, exceptionID: Int64, task: AITask, state: AIJobState, attempts: Int, leaseOwner: String? = nil,
        leaseUntil: Date? = nil, notBefore: Date, lastError: String? = nil
    ) {
        self.id = id
        self.exceptionID = exceptionID
        self.task = task
        self.state = state
        self.attempts = attempts
        self.leaseOwner = leaseOwner
        self.leaseUntil = leaseUntil
        self.notBefore = notBefore
        self.lastError = lastError
    }
}

/// The retry lifecycle of an AI job as a pure state machine: exponential backoff with jitter, then dead.
public struct AIJobRetryPolicy: Sendable, Hashable {
    /// Attempts before the job is dead.
    public var maxAttempts: Int
    /// Backoff before the second attempt; doubles each attempt.
    public var baseDelay: Double
    /// Longest backoff.
    public var maxDelay: Double

    /// Creates a policy.
    public init(maxAttempts: Int = 4, baseDelay: Double = 2, maxDelay: Double = 120) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The job after a failed attempt: queued again after a jittered backoff, or dead.
    /// - Parameter jitter: a number in 0…1 (random in production, fixed in tests).
    public func failed(_ job: AIJob, error: String, retryable: Bool, now: Date, jitter: Double) -> AIJob {
        var next = job
        next.lastError = error
        next.leaseOwner = nil
        next.leaseUntil = nil
        if !retryable || job.attempts >= maxAttempts {
            next.state = .dead
            return next
        }
        let ceiling = min(maxDelay, baseDelay * pow(2, Double(max(job.attempts - 1, 0))))
        next.state = .queued
        next.notBefore = now.addingTimeInterval(ceiling / 2 + ceiling / 2 * min(max(jitter, 0), 1))
        return next
    }
}
