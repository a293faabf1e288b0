import Foundation
import Testing
import TriageCore
import TriageStore

@testable import TriageWorker

/// An engine that takes `seconds` of real time per suggestion, as a slow model would.
struct SlowEngine: SuggestionMaking {
    let seconds: Double

    func suggest(for record: ExceptionRecord, task: AITask) async throws(ChatError) -> Suggestion {
        try? await Task.sleep(for: .milliseconds(Int(seconds * 1_000)))
        return Suggestion(task: task, action: "no_match", confidence: .low, model: "slow-model")
    }
}

@Suite(.timeLimit(.minutes(2))) struct WorkerHeartbeatTests {
    @Test func aJobThatRunsLongerThanItsLeaseKeepsItWhileTheWorkerLives() async throws {
        let database = try AppDatabase.inMemory()
        try await seedQueue(database, count: 1)
        let configuration = WorkerConfiguration(concurrency: 1, leaseSeconds: 1.2, owner: "slow", jobDeadlineSeconds: 30)
        let worker = QueueWorker(queue: database, engine: SlowEngine(seconds: 3.5), configuration: configuration)
        let drain = Task { try await worker.run() }
        // Well past the first lease: without the heartbeat another worker would take the job here.
        try await Task.sleep(for: .milliseconds(2_400))
        let stolen = try await database.claim(
            owner: "thief", limit: 1, now: Date(), leaseSeconds: 60, task: nil, maxAttempts: 3)
        #expect(stolen.isEmpty, "the running job's lease was extended")
        let summary = try await drain.value
        #expect(summary.done == 1 && summary.lost == 0 && summary.missedHeartbeats == 0)
        #expect(try await database.aiJobs().map(\.attempts) == [1])
    }

    @Test func aLeaseTakenByAnotherWorkerIsNotExtended() async throws {
        let database = try AppDatabase.inMemory()
        try await seedQueue(database, count: 1)
        let now = Date(timeIntervalSince1970: 1_000)
        let first = try await database.claim(owner: "a", limit: 1, now: now, leaseSeconds: 10, task: nil, maxAttempts: 3)
        let later = now.addingTimeInterval(20)
        let second = try await database.claim(owner: "b", limit: 1, now: later, leaseSeconds: 10, task: nil, maxAttempts: 3)
        #expect(second.count == 1)
        #expect(try await database.extendLeases(first, until: later.addingTimeInterval(60)).isEmpty)
        #expect(try await database.extendLeases(second, until: later.addingTimeInterval(60)) == [second[0].id])
    }
}
