import TriageCore

extension RoutingTrace {
    /// The trace as text for `triage rules explain`: one block per rule tried, one line per condition.
    ///
    /// ```
    /// exception 42
    ///   rule "payment-drift-sync" (line 12): matched
    ///     ✓ kind in [payment_drift]  (actual: payment_drift)
    /// ```
    public func rendered() -> String {
        var lines = ["exception \(exceptionID)"]
        for attempt in attempts {
            lines.append(
                "  rule \"\(attempt.ruleID)\" (line \(attempt.line)): \(attempt.matched ? "matched" : "no match")")
            if attempt.conditions.isEmpty { lines.append("    ✓ (no conditions: matches everything)") }
            lines.append(contentsOf: attempt.conditions.map { "    " + $0.rendered() })
        }
        if matchedRuleID == nil { lines.append("  no rule matched: judgment card") }
        return lines.joined(separator: "\n")
    }
}

extension ConditionResult {
    /// One line: mark, field, operator, expected value and the exception's actual value.
    public func rendered() -> String {
        let mark = passed ? "✓" : "✗"
        let value = expected.map { " \($0)" } ?? ""
        return "\(mark) \(field) \(op)\(value)  (actual: \(actual ?? "absent"))"
    }
}

extension RoutingDecision {
    /// The decision and, when explained, its trace, as text for `triage rules explain`.
    public func rendered() -> String {
        var head = "decision: \(decisionType.rawValue), action: \(action.rawValue)"
        if let mode { head += ", mode: \(mode.rawValue)" }
        if let task { head += ", task: \(task.rawValue)" }
        head += rule.map { ", rule: \($0.id) v\($0.version)" } ?? ", rule: none"
        guard let trace else { return head }
        return trace.rendered() + "\n" + head
    }
}
