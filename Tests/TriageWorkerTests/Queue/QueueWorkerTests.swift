import Foundation
import Synchronization
import Testing
import TriageCore
import TriageStore

@testable import TriageWorker

/// A scripted engine: answers per exception event id, counts concurrent calls.
final class ScriptedEngine: SuggestionMaking {
    struct State {
        var failuresLeft: [String: [ChatError]] = [:]
        var inFlight = 0
        var maxInFlight = 0
        var calls = 0
    }
    let state = Mutex(State())

    init(failures: [String: [ChatError]] = [:]) { state.withLock { $0.failuresLeft = failures } }

    func suggest(for record: ExceptionRecord, task: AITask) async throws(ChatError) -> Suggestion {
        let failure = state.withLock { state -> ChatError? in
            state.calls += 1
            state.inFlight += 1
            state.maxInFlight = max(state.maxInFlight, state.inFlight)
            guard var queue = state.failuresLeft[record.exception.eventID], !queue.isEmpty else { return nil }
            let error = queue.removeFirst()
            state.failuresLeft[record.exception.eventID] = queue
            return error
        }
        try? await Task.sleep(for: .milliseconds(5))
        state.withLock { $0.inFlight -= 1 }
        if let failure { throw failure }
        return Suggestion(
            task: task, action: "no_match", parameters: ["order_id": nil], confidence: .low, model: "scripted-model",
            promptVersion: "v-test")
    }
}

/// Seeds `count` unstructured exceptions with cards waiting for the worker and jobs on the queue.
func seedQueue(_ database: AppDatabase, count: Int) async throws {
    try await database.routingTransaction { tx in
        for index in 0..<count {
            let exception = NewException(
                source: "mail", eventID: "m\(index)", kind: .warrantyClaim, occurredAt: Date(timeIntervalSince1970: 0),
                text: "My kettle broke")
            let record = try #require(try tx.insert(exception, receivedAt: Date(timeIntervalSince1970: 0)))
            try tx.writeCard(
                NewCard(
                    exceptionID: record.id, kind: .warrantyClaim, decisionType: .unstructured, status: .awaitingWorker,
                    team: "customer_ops", title: "Warranty claim", summary: "Waiting for the AI worker",
                    createdAt: Date(timeIntervalSince1970: 0)))
            try tx.enqueue(exceptionID: record.id, task: .warranty, at: Date(timeIntervalSince1970: 0))
        }
    }
}

@Suite(.timeLimit(.minutes(5))) struct QueueWorkerTests {
    func worker(_ database: AppDatabase, _ engine: ScriptedEngine, concurrency: Int = 2, limit: Int? = nil, attempts: Int = 3)
        -> QueueWorker
    {
        let configuration = WorkerConfiguration(
            concurrency: concurrency, owner: "test", retry: .init(maxAttempts: attempts, baseDelay: 0.001, maxDelay: 0.001),
            limit: limit)
        return QueueWorker(queue: database, engine: engine, configuration: configuration, sleep: { _ in }, jitter: { 0 })
    }

    @Test func drainsEveryJobAndWritesTheSuggestionOnTheExistingCard() async throws {
        let database = try AppDatabase.inMemory()
        try await seedQueue(database, count: 7)
        let summary = try await worker(database, ScriptedEngine()).run()
        #expect(summary.done == 7)
        #expect(try await database.jobCounts() == [.done: 7])
        let cards = try database.cards()
        #expect(cards.count == 7)
        #expect(cards.allSatisfy { $0.card.status == .open && $0.model == "scripted-model" && $0.promptVersion == "v-test" })
    }

    @Test func retryableErrorIsRetriedThenSucceeds() async throws {
        let database = try AppDatabase.inMemory()
        try await seedQueue(database, count: 1)
        let engine = ScriptedEngine(failures: ["m0": [.http(model: "m", status: 429), .timeout(model: "m", seconds: 1)]])
        let summary = try await worker(database, engine).run()
        #expect(summary.retried == 2)
        #expect(summary.done == 1)
        #expect(try database.aiJobs().first?.attempts == 3)
    }

    @Test func nonRetryableErrorKillsTheJobAndTheCardSaysWhy() async throws {
        let database = try AppDatabase.inMemory()
        try await seedQueue(database, count: 1)
        let engine = ScriptedEngine(failures: ["m0": [.http(model: "m", status: 400)]])
        let summary = try await worker(database, engine).run()
        #expect(summary.dead == 1)
        let card = try #require(try database.cards().first)
        #expect(card.card.summary.contains("HTTP 400"))
        #expect(card.card.flags == ["worker_failed"])
        #expect(try await database.jobCounts() == [.dead: 1])
    }

    @Test func jobIsDeadAfterTheLastAttempt() async throws {
        let database = try AppDatabase.inMemory()
        try await seedQueue(database, count: 1)
        let errors = Array(repeating: ChatError.http(model: "m", status: 503), count: 5)
        let summary = try await worker(database, ScriptedEngine(failures: ["m0": errors]), attempts: 3).run()
        #expect(summary.retried == 2)
        #expect(summary.dead == 1)
    }

    @Test func neverRunsMoreThanTheConcurrencyLimit() async throws {
        let database = try AppDatabase.inMemory()
        try await seedQueue(database, count: 12)
        let engine = ScriptedEngine()
        _ = try await worker(database, engine, concurrency: 3).run()
        let state = engine.state.withLock { $0 }
        #expect(state.maxInFlight <= 3)
        #expect(state.calls == 12)
    }

    @Test func limitProcessesABoundedSampleAndLeavesTheRestQueued() async throws {
        let database = try AppDatabase.inMemory()
        try await seedQueue(database, count: 10)
        let summary = try await worker(database, ScriptedEngine(), limit: 4).run()
        #expect(summary.done == 4)
        #expect(try await database.jobCounts() == [.done: 4, .queued: 6])
    }

    @Test func expiredLeaseIsTakenAgainAndTheLoserCannotAck() async throws {
        let database = try AppDatabase.inMemory()
        try await seedQueue(database, count: 1)
        let start = Date(timeIntervalSince1970: 1_000)
        let first = try await database.claim(owner: "a", limit: 1, now: start, leaseSeconds: 10, task: nil)
        #expect(try await database.claim(owner: "b", limit: 1, now: start.addingTimeInterval(5), leaseSeconds: 10, task: nil).isEmpty)
        let second = try await database.claim(owner: "b", limit: 1, now: start.addingTimeInterval(11), leaseSeconds: 10, task: nil)
        #expect(second.map(\.id) == first.map(\.id))
        let suggestion = Suggestion(task: .warranty, action: "repair", confidence: .low)
        #expect(try await database.complete(try #require(first.first), with: suggestion, now: start) == false)
        #expect(try await database.complete(try #require(second.first), with: suggestion, now: start) == true)
        #expect(try await database.jobCounts() == [.done: 1])
    }

    @Test func expiredLeaseWithNoAttemptsLeftIsDeadLetteredAtClaimWithACard() async throws {
        let database = try AppDatabase.inMemory()
        try await seedQueue(database, count: 1)
        let start = Date(timeIntervalSince1970: 1_000)
        // Two processes claimed the job and died mid-job: the lease of the second has expired too.
        _ = try await database.claim(owner: "a", limit: 1, now: start, leaseSeconds: 10, task: nil)
        _ = try await database.claim(owner: "b", limit: 1, now: start.addingTimeInterval(11), leaseSeconds: 10, task: nil)
        let engine = ScriptedEngine()
        let configuration = WorkerConfiguration(
            concurrency: 1, owner: "c", retry: .init(maxAttempts: 2, baseDelay: 0.001, maxDelay: 0.001))
        let worker = QueueWorker(
            queue: database, engine: engine, configuration: configuration, now: { start.addingTimeInterval(100) },
            sleep: { _ in }, jitter: { 0 })
        _ = try await worker.run()
        #expect(engine.state.withLock { $0.calls } == 0)
        #expect(try await database.jobCounts() == [.dead: 1])
        let card = try #require(try database.cards().first)
        #expect(card.card.flags == ["worker_failed"])
        #expect(card.card.summary.contains("after 2 attempt"), "\(card.card.summary)")
    }

    @Test func releasedJobIsQueuedAgainWithoutCountingTheAttempt() async throws {
        let database = try AppDatabase.inMemory()
        try await seedQueue(database, count: 1)
        let claimed = try await database.claim(owner: "a", limit: 1, now: Date(), leaseSeconds: 60, task: nil)
        try await database.release(try #require(claimed.first))
        let job = try #require(try database.aiJobs().first)
        #expect(job.state == .queued)
        #expect(job.attempts == 0)
    }
}
