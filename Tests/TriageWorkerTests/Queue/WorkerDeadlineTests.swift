import Foundation
import Testing
import TriageCore
import TriageStore

@testable import TriageWorker

/// An engine whose every call hangs until cancelled, like an endpoint that accepts the connection and never answers.
struct HangingEngine: SuggestionMaking {
    func suggest(for record: ExceptionRecord, task: AITask) async throws(ChatError) -> Suggestion {
        try? await Task.sleep(for: .seconds(600))
        throw .transport(model: "hanging", message: "cancelled")
    }
}

/// Issue 11: a hanging endpoint is capped by one deadline per job attempt, not attempts × call timeout.
@Suite("Worker deadline", .timeLimit(.minutes(5)))
struct WorkerDeadlineTests {
    @Test func aHangingEndpointIsCutOffByTheJobDeadline() async throws {
        let database = try AppDatabase.inMemory()
        try await seedQueue(database, count: 1)
        let configuration = WorkerConfiguration(
            concurrency: 1, owner: "t", retry: .init(maxAttempts: 3), limit: 1, jobDeadlineSeconds: 0.2)
        let worker = QueueWorker(
            queue: database, engine: HangingEngine(), configuration: configuration, sleep: { _ in }, jitter: { 0 })
        // Without the deadline the engine would hang for ten minutes; the card names the deadline that cut it.
        let summary = try await worker.run()
        #expect(summary.retried == 1)
        let card = try #require(try database.cards().first?.card)
        #expect(card.summary.contains("job deadline of 0.2 s"), "\(card.summary)")
    }
}
