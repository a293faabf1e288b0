import Foundation
import Prometheus
import TriageCore

/// The Prometheus text of an ``OperationsStatus``: what every process shares through the store, exported the same
/// by `triage serve` and each worker's `--metrics-port`. Values come from the store, so any process's scrape shows
/// the whole system; counters are the store's running totals.
public enum OperationsMetrics {
    /// The exposition text for `status`, followed by `process` (this process's own metrics) when given.
    public static func text(_ status: OperationsStatus, process: ProcessMetrics? = nil) -> String {
        let registry = PrometheusCollectorRegistry()
        queue(status, registry)
        model(status, registry)
        for (key, count) in status.decided.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
            registry.makeCounter(
                name: "triage_cards_decided_total", labels: [("actor", parts[0]), ("action", parts.count > 1 ? parts[1] : "")],
                help: "Cards decided, by who decided and the action"
            ).increment(by: Int64(count))
        }
        for state in ["pending", "delivered", "failed"] {
            registry.makeGauge(name: "triage_outbox_messages", labels: [("state", state)], help: "Outbox messages by state")
                .set(Double(status.outbox[state] ?? 0))
        }
        registry.makeGauge(
            name: "triage_outbox_delivery_failures", help: "Undelivered outbox messages whose last attempt failed"
        ).set(Double(status.outboxFailures))
        return registry.emitToString() + latencyHistogram(status) + (process?.text() ?? "")
    }

    private static func queue(_ status: OperationsStatus, _ registry: PrometheusCollectorRegistry) {
        for queue in status.queues {
            for (state, value) in [("queued", queue.queued), ("leased", queue.leased)] {
                registry.makeGauge(name: "triage_queue_depth", labels: [("task", queue.task), ("state", state)], help: "AI jobs waiting or claimed")
                    .set(Double(value))
            }
            registry.makeGauge(
                name: "triage_queue_oldest_job_age_seconds", labels: [("task", queue.task)], help: "How long the oldest queued job has waited"
            ).set(queue.oldestQueuedSeconds)
            let counters = [
                ("triage_queue_claims_total", queue.claims, "Job claims (attempts started)"),
                ("triage_queue_acks_total", queue.done, "Jobs acknowledged with their card written"),
                ("triage_queue_retries_total", queue.retries, "Attempts beyond the first"),
                ("triage_queue_dead_letters_total", queue.dead, "Jobs that ran out of attempts"),
            ]
            for (name, value, help) in counters {
                registry.makeCounter(name: name, labels: [("task", queue.task)], help: help).increment(by: Int64(value))
            }
        }
    }

    private static func model(_ status: OperationsStatus, _ registry: PrometheusCollectorRegistry) {
        for (model, calls) in status.modelCalls.sorted(by: { $0.key < $1.key }) {
            registry.makeCounter(name: "triage_llm_calls_total", labels: [("model", model)], help: "Model calls behind stored suggestions")
                .increment(by: Int64(calls))
        }
        for (kind, tokens) in [("prompt", status.promptTokens), ("completion", status.completionTokens)] {
            registry.makeCounter(name: "triage_llm_tokens_total", labels: [("kind", kind)], help: "Tokens of those calls")
                .increment(by: Int64(tokens))
        }
        for (errorClass, count) in status.llmErrors.sorted(by: { $0.key < $1.key }) {
            registry.makeCounter(name: "triage_llm_errors_total", labels: [("class", errorClass)], help: "Jobs whose last model call failed, by class")
                .increment(by: Int64(count))
        }
    }

    /// The stored suggestions' call latencies as a Prometheus histogram (the registry only records live values).
    static func latencyHistogram(_ status: OperationsStatus) -> String {
        let name = "triage_llm_call_seconds"
        var lines = ["# HELP \(name) Latency of the model calls behind stored suggestions", "# TYPE \(name) histogram"]
        let total = status.modelCalls.values.reduce(0, +)
        for (bound, count) in zip(OperationsStatus.latencyBuckets, status.latencyCounts) {
            lines.append("\(name)_bucket{le=\"\(bound)\"} \(count)")
        }
        lines += ["\(name)_bucket{le=\"+Inf\"} \(total)", "\(name)_sum \(status.latencySum)", "\(name)_count \(total)"]
        return lines.joined(separator: "\n") + "\n"
    }
}
