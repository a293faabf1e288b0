import Foundation
import Synchronization
import Testing
import TriageCore
import TriageStore

@testable import TriageWorker

/// An engine whose suggestion waits until the test opens its gate, as a slow model would.
struct GatedEngine: SuggestionMaking {
    let gate: Doorbell

    func suggest(for record: ExceptionRecord, task: AITask) async throws(ChatError) -> Suggestion {
        await gate.waitForJobs(upTo: 600)
        return Suggestion(task: task, action: "no_match", confidence: .low, model: "slow-model")
    }
}

/// A clock the test moves by hand.
final class HandClock: Sendable {
    private let offset = Mutex(0.0)
    let start = Date()
    var now: Date { start.addingTimeInterval(offset.withLock { $0 }) }
    func advance(_ seconds: Double) { offset.withLock { $0 += seconds } }
}

@Suite(.timeLimit(.minutes(2))) struct WorkerHeartbeatTests {
    /// The beats are driven by the test (each ring is one beat) and time by a hand clock, so the test checks the
    /// heartbeat's effect on the lease without depending on how fast a loaded machine schedules it.
    @Test func aJobThatRunsLongerThanItsLeaseKeepsItWhileTheWorkerLives() async throws {
        let database = try AppDatabase.inMemory()
        try await seedQueue(database, count: 1)
        let (gate, ticks, clock) = (Doorbell(), Doorbell(), HandClock())
        let configuration = WorkerConfiguration(concurrency: 1, leaseSeconds: 60, owner: "slow", jobDeadlineSeconds: 3_600)
        let worker = QueueWorker(
            queue: database, engine: GatedEngine(gate: gate), configuration: configuration, now: { clock.now },
            beatSleep: { _ in await ticks.waitForJobs(upTo: 600) })
        let drain = Task { try await worker.run() }
        try await eventually { try await database.aiJobs().first?.state == .leased }
        // Ten minutes pass; a beat moves the lease a full lease past the new now. The test rings until it sees that:
        // the job shows as leased a moment before the worker counts it as running, and a beat before then has
        // nothing to extend.
        clock.advance(600)
        try await eventually {
            ticks.ring()
            let until = try await database.aiJobs().first?.leaseUntil ?? .distantPast
            return abs(until.timeIntervalSince(clock.now.addingTimeInterval(60))) < 0.001  // stored as REAL seconds
        }
        let stolen = try await database.claim(
            owner: "thief", limit: 1, now: clock.now.addingTimeInterval(30), leaseSeconds: 60, task: nil, maxAttempts: 3)
        #expect(stolen.isEmpty, "the running job's lease was extended")
        gate.ring()
        let summary = try await drain.value
        #expect(summary.done == 1 && summary.lost == 0 && summary.missedHeartbeats == 0)
        #expect(try await database.aiJobs().map(\.attempts) == [1])
    }

    /// Polls `condition` every 20 ms for up to a minute.
    private func eventually(_ condition: () async throws -> Bool) async throws {
        for _ in 0..<3_000 {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("the condition never held")
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
