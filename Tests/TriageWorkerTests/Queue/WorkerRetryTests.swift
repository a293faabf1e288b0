import Foundation
import Synchronization
import Testing
import TriageCore
import TriageStore

@testable import TriageWorker

/// Issue 11: an invalid 2xx body is retried (with the repair prompt) before the job gives up; a card waiting on a
/// retry says when and why; a hanging endpoint is capped by one deadline per job.
@Suite("Worker retries", .timeLimit(.minutes(5)))
struct WorkerRetryTests {
    static let invalidBody = ChatError.invalidResponse(model: "m", message: "body is not a chat completion (9 bytes)")

    @Test func anInvalidBodyIsAskedAgainWithTheRepairPrompt() async throws {
        let chat = ScriptedChat([.fail(Self.invalidBody), .reply(#"{"answer":"yes"}"#)])
        let outcome = try await ModelCall(chat: chat).ask(
            messages: [ChatMessage(role: "user", content: "question")], schemaName: "s", schema: .object([:]),
            validate: { .success($0) })
        #expect(outcome.reply?["answer"] == "yes")
        #expect(chat.requests.count == 2)
        #expect(chat.requests.last?.messages.last?.content.contains("That reply was invalid") == true)
    }

    @Test func anInvalidBodyIsRetriedNotDeadLetteredAndTheCardSaysWhenAndWhy() async throws {
        let database = try AppDatabase.inMemory()
        try await seedQueue(database, count: 1)
        let engine = ScriptedEngine(failures: ["m0": [Self.invalidBody]])
        let now = Date(timeIntervalSince1970: 1_000)
        let configuration = WorkerConfiguration(
            concurrency: 1, owner: "t", retry: .init(maxAttempts: 3, baseDelay: 10, maxDelay: 10), limit: 1)
        let worker = QueueWorker(
            queue: database, engine: engine, configuration: configuration, now: { now }, sleep: { _ in },
            jitter: { 0 })
        let summary = try await worker.run()
        #expect(summary.retried == 1 && summary.dead == 0)
        #expect(try await database.jobCounts() == [.queued: 1])
        let card = try #require(try database.cards().first?.card)
        #expect(card.status == .awaitingWorker)
        #expect(card.summary.contains("attempt 1 failed"), "\(card.summary)")
        #expect(card.summary.contains("body is not a chat completion"))
        #expect(card.summary.contains("next try at 1970-01-01T00:16:45Z"), "\(card.summary)")
    }
}
