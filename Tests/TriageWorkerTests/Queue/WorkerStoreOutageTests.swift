import Foundation
import Synchronization
import Testing
import TriageCore
import TriageStore

@testable import TriageWorker

/// A queue whose claims fail while `outage` says so, as during a database restart; everything else passes through.
final class FlakyQueue: AIJobQueue {
    let inner: AppDatabase
    let failedClaims = Mutex(0)
    let outage: @Sendable (Int) -> Bool

    init(inner: AppDatabase, outage: @escaping @Sendable (Int) -> Bool) {
        self.inner = inner
        self.outage = outage
    }

    struct Down: Error {}

    func claim(owner: String, limit: Int, now: Date, leaseSeconds: Double, task: AITask?, maxAttempts: Int) async throws -> [AIJob] {
        let attempt = failedClaims.withLock { $0 }
        if outage(attempt) {
            failedClaims.withLock { $0 += 1 }
            throw Down()
        }
        return try await inner.claim(
            owner: owner, limit: limit, now: now, leaseSeconds: leaseSeconds, task: task, maxAttempts: maxAttempts)
    }
    func exception(forJob job: AIJob) async throws -> ExceptionRecord? { try await inner.exception(forJob: job) }
    func complete(_ job: AIJob, with suggestion: Suggestion, now: Date) async throws -> Bool {
        try await inner.complete(job, with: suggestion, now: now)
    }
    func completeAll(_ results: [(job: AIJob, suggestion: Suggestion)], now: Date) async throws -> Set<Int64> {
        try await inner.completeAll(results, now: now)
    }
    func fail(_ job: AIJob, next: AIJob, now: Date) async throws { try await inner.fail(job, next: next, now: now) }
    func release(_ job: AIJob) async throws { try await inner.release(job) }
    func extendLeases(_ jobs: [AIJob], until: Date) async throws -> Set<Int64> {
        try await inner.extendLeases(jobs, until: until)
    }
    func jobCounts() async throws -> [AIJobState: Int] { try await inner.jobCounts() }
    func nextDueDate(task: AITask?) async throws -> Date? { try await inner.nextDueDate(task: task) }
}

/// A clock the worker's sleeps move forward, so an outage of minutes takes no time.
final class TestClock: Sendable {
    let elapsed = Mutex(0.0)
    var now: Date { Date(timeIntervalSince1970: 1_790_000_000 + elapsed.withLock { $0 }) }
    func sleep(_ seconds: Double) { elapsed.withLock { $0 += seconds } }
}

@Suite(.timeLimit(.minutes(2))) struct WorkerStoreOutageTests {
    func worker(_ queue: FlakyQueue, clock: TestClock, outageSeconds: Double) -> QueueWorker {
        let configuration = WorkerConfiguration(concurrency: 2, owner: "test", storeOutageSeconds: outageSeconds)
        return QueueWorker(
            queue: queue, engine: ScriptedEngine(), configuration: configuration, now: { clock.now },
            sleep: { clock.sleep($0) }, jitter: { 0 })
    }

    @Test func claimsThatFailWhileTheStoreRestartsAreTriedAgainAndTheDrainFinishes() async throws {
        let database = try AppDatabase.inMemory()
        try await seedQueue(database, count: 5)
        let queue = FlakyQueue(inner: database, outage: { $0 < 4 })
        let clock = TestClock()
        let summary = try await worker(queue, clock: clock, outageSeconds: 60).run()
        #expect(summary.storeRetries == 4)
        #expect(summary.done == 5)
        #expect(try await database.jobCounts() == [.done: 5])
        // Backoff doubles from 0.25 s: 0.25 + 0.5 + 1 + 2.
        #expect(abs(clock.elapsed.withLock { $0 } - 3.75) < 0.001)
    }

    @Test func aStoreGoneForLongerThanTheOutageWindowEndsTheDrainWithItsError() async throws {
        let database = try AppDatabase.inMemory()
        try await seedQueue(database, count: 1)
        let queue = FlakyQueue(inner: database, outage: { _ in true })
        let clock = TestClock()
        await #expect(throws: FlakyQueue.Down.self) { try await worker(queue, clock: clock, outageSeconds: 30).run() }
        #expect(clock.elapsed.withLock { $0 } <= 30)
        #expect(queue.failedClaims.withLock { $0 } > 5)
        #expect(try await database.jobCounts() == [.queued: 1])
    }
}
