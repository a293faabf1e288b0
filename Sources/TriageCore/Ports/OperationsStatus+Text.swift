import Foundation

extension OperationsStatus {
    /// The status for a person, as `triage status` prints it.
    public var text: String {
        var lines = ["queue (AI jobs)", "  task           queued  leased    done    dead retries  oldest queued"]
        for queue in queues {
            let row = [queue.queued, queue.leased, queue.done, queue.dead, queue.retries].map { String($0).leftPadded(7) }
            lines.append("  " + queue.task.padding(toLength: 13, withPad: " ", startingAt: 0) + row.joined(separator: " ")
                + "  " + Self.age(queue.oldestQueuedSeconds))
        }
        if queues.isEmpty { lines.append("  (no jobs)") }
        let calls = modelCalls.values.reduce(0, +)
        let models = modelCalls.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        lines.append("model calls: \(calls)" + (models.isEmpty ? "" : " (\(models))")
            + ", tokens \(promptTokens) prompt + \(completionTokens) completion"
            + (calls > 0 ? String(format: ", mean latency %.2f s", latencySum / Double(calls)) : ""))
        lines.append("model errors (jobs' last error): " + Self.list(llmErrors))
        lines.append("cards decided: " + Self.list(decided))
        lines.append("outbox: " + Self.list(outbox) + ", \(outboxFailures) with a failed last attempt")
        return lines.joined(separator: "\n")
    }

    private static func list(_ counts: [String: Int]) -> String {
        counts.isEmpty ? "none" : counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    private static func age(_ seconds: Double) -> String {
        if seconds <= 0 { return "-" }
        if seconds < 120 { return String(format: "%.0f s", seconds) }
        if seconds < 7_200 { return String(format: "%.0f min", seconds / 60) }
        return String(format: "%.1f h", seconds / 3_600)
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
