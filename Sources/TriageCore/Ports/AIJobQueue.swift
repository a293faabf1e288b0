import Foundation

/// The AI queue as the worker sees it. Implemented by the store; every method is one transaction, awaited so that
/// the worker's task group never blocks a cooperative thread on the database.
public protocol AIJobQueue: Sendable {
    /// Claims up to `limit` ready jobs (queued and due, or leased with an expired lease), only of `task` when one
    /// is given, counting the attempt. A ready job that already used `maxAttempts` (its worker died mid-job) is
    /// dead-lettered with a card instead of run again.
    func claim(
        owner: String, limit: Int, now: Date, leaseSeconds: Double, task: AITask?, maxAttempts: Int
    ) async throws -> [AIJob]
    /// The exception a job is about.
    func exception(forJob job: AIJob) async throws -> ExceptionRecord?
    /// Writes the suggestion on the card and marks the job done, in one transaction, only while `job` is still
    /// leased by its owner. Returns false when the lease was lost (another worker took the job).
    func complete(_ job: AIJob, with suggestion: Suggestion, now: Date) async throws -> Bool

    /// Acks many finished jobs at once, each with its suggestion written on its card, in one transaction: one
    /// commit instead of one per job, for workers that finish many jobs a second. Returns the ids that were still
    /// leased to their owner and so were acked; the others change nothing.
    func completeAll(_ results: [(job: AIJob, suggestion: Suggestion)], now: Date) async throws -> Set<Int64>
    /// Saves a failed attempt: the job queued again or dead; a dead job's card says why.
    func fail(_ job: AIJob, next: AIJob, now: Date) async throws
    /// The heartbeat: moves the leases of jobs still leased to their owner to `until`, so a job that runs long is not
    /// taken by another worker while its worker is alive. Returns the ids still held; the others were lost.
    func extendLeases(_ jobs: [AIJob], until: Date) async throws -> Set<Int64>
    /// Gives a claimed job back without counting the attempt (graceful shutdown).
    func release(_ job: AIJob) async throws
    /// Jobs per state.
    func jobCounts() async throws -> [AIJobState: Int]
    /// The earliest time a queued (or leased) job of `task` (any task when nil) becomes claimable, if any.
    func nextDueDate(task: AITask?) async throws -> Date?
}

/// Stores unstructured exceptions for the AI worker as routing leaves them: each with a card waiting for the worker
/// and a queued job. Idempotent on (source, event id).
public protocol AIJobIntake: Sendable {
    /// Stores `intakes` in one transaction and returns how many were new.
    @discardableResult
    func enqueue(_ intakes: [WorkerIntake], now: Date) async throws -> Int
}
