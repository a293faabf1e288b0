import CoreMetrics
import TriageCore

/// Records each chat call through swift-metrics: its duration (a histogram per model and outcome), its tokens,
/// and failures by class. A process that bootstrapped no metrics backend records nothing.
enum LLMCallMetrics {
    static func succeeded(_ reply: ChatReply, after duration: Duration) {
        Timer(label: "triage_llm_request_duration_seconds", dimensions: [("model", reply.model), ("outcome", "ok")])
            .recordNanoseconds(duration.nanoseconds)
        Counter(label: "triage_llm_request_tokens_total", dimensions: [("kind", "prompt")]).increment(by: reply.promptTokens)
        Counter(label: "triage_llm_request_tokens_total", dimensions: [("kind", "completion")]).increment(by: reply.completionTokens)
    }

    static func failed(_ error: ChatError, model: String, after duration: Duration) {
        let errorClass = OperationsStatus.errorClass(error.description)
        Timer(label: "triage_llm_request_duration_seconds", dimensions: [("model", model), ("outcome", "error")])
            .recordNanoseconds(duration.nanoseconds)
        Counter(label: "triage_llm_request_errors_total", dimensions: [("class", errorClass)]).increment()
    }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
