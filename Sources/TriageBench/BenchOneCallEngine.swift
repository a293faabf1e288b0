import TriageCore
import TriageWorker

/// A benchmark-only engine: exactly one chat call per job, then a fixed suggestion.
///
/// It stands in for `SuggestionEngine` so the worker benchmark's ideal rate is well defined (concurrency divided
/// by the endpoint's latency): what is measured is the queue, the leases, the concurrency and the HTTP client.
struct BenchOneCallEngine: SuggestionMaking {
    let chat: any ChatClient

    /// The one request every job sends: small, schema-constrained, like a real task's call.
    static let request = ChatRequest(
        messages: [
            ChatMessage(role: "system", content: "Answer with a JSON object."),
            ChatMessage(role: "user", content: "Benchmark job."),
        ],
        schemaName: "bench", schema: .object(["type": .string("object")]), maxTokens: 16)

    func suggest(for record: ExceptionRecord, task: AITask) async throws(ChatError) -> Suggestion {
        let reply = try await chat.complete(Self.request)
        return Suggestion(
            task: task, action: "no_match", confidence: .low, model: reply.model, promptVersion: "bench",
            notes: ["benchmark: one chat call, no task logic"], promptTokens: reply.promptTokens,
            completionTokens: reply.completionTokens, latencySeconds: reply.latencySeconds)
    }
}
