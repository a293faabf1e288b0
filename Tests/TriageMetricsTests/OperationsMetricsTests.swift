import Foundation
import Testing
import TriageCore
import TriageMetrics

@Suite("Operations metrics")
struct OperationsMetricsTests {
    @Test("the exposition text carries the queue, model, decisions and outbox figures with their labels")
    func text() {
        var status = OperationsStatus()
        status.queues = [.init(task: "warranty", queued: 3, leased: 1, done: 7, dead: 2, claims: 12, retries: 2, oldestQueuedSeconds: 42)]
        status.modelCalls = ["gemma-3-270m-it-Q4_K_M": 7]
        status.promptTokens = 700
        status.latencyCounts = [0, 1, 3, 7, 7, 7, 7, 7]
        status.latencySum = 4.5
        status.llmErrors = ["http_429": 2]
        status.decided = ["reviewer:refund": 4]
        status.outbox = ["pending": 5]
        status.outboxFailures = 1
        let text = OperationsMetrics.text(status)
        for line in [
            #"triage_queue_depth{task="warranty",state="queued"} 3"#, #"triage_queue_oldest_job_age_seconds{task="warranty"} 42"#,
            #"triage_queue_acks_total{task="warranty"} 7"#, #"triage_queue_dead_letters_total{task="warranty"} 2"#,
            #"triage_queue_claims_total{task="warranty"} 12"#, #"triage_llm_calls_total{model="gemma-3-270m-it-Q4_K_M"} 7"#,
            #"triage_llm_tokens_total{kind="prompt"} 700"#, #"triage_llm_errors_total{class="http_429"} 2"#,
            #"triage_cards_decided_total{actor="reviewer",action="refund"} 4"#, #"triage_outbox_messages{state="pending"} 5"#,
            "triage_outbox_delivery_failures 1", #"triage_llm_call_seconds_bucket{le="0.5"} 3"#,
            #"triage_llm_call_seconds_bucket{le="+Inf"} 7"#, "triage_llm_call_seconds_count 7",
        ] {
            #expect(text.contains(line), "missing: \(line)")
        }
    }

    @Test("stored LLM errors are classed as ChatError words them")
    func errorClasses() {
        #expect(OperationsStatus.errorClass(ChatError.timeout(model: "m", seconds: 30).description) == "timeout")
        #expect(OperationsStatus.errorClass(ChatError.http(model: "m", status: 429).description) == "http_429")
        #expect(OperationsStatus.errorClass(ChatError.http(model: "m", status: 503).description) == "http_5xx")
        #expect(OperationsStatus.errorClass(ChatError.transport(model: "m", message: "refused").description) == "unreachable")
        #expect(OperationsStatus.errorClass(ChatError.invalidResponse(model: "m", message: "x").description) == "invalid_response")
        // The worker's `--job-deadline` failure (QueueWorker+Deadline) is its own class, not "other".
        #expect(OperationsStatus.errorClass("no suggestion within the job deadline of 120 s") == "job_deadline")
    }
}
