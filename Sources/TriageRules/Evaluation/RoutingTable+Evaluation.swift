import TriageCore

extension RoutingTable {
    /// Routes an exception: the first rule whose conditions all pass. Pure and allocation-light; no trace.
    public func route(_ record: ExceptionRecord) -> RoutingDecision {
        var trace: RoutingTrace? = nil
        return evaluate(record, trace: &trace)
    }

    /// Routes an exception and records every rule tried with each condition's actual value and result.
    public func explain(_ record: ExceptionRecord) -> RoutingDecision {
        var trace: RoutingTrace? = RoutingTrace(exceptionID: record.id)
        var decision = evaluate(record, trace: &trace)
        decision.trace = trace
        return decision
    }

    /// The one evaluation loop behind `route(_:)` and `explain(_:)`; records attempts only when `trace` is set.
    private func evaluate(_ record: ExceptionRecord, trace: inout RoutingTrace?) -> RoutingDecision {
        for rule in rules where rule.matches(record, trace: &trace) {
            return RoutingDecision(rule: rule)
        }
        return .noMatch
    }
}

extension Rule {
    /// True when every condition passes. Without a trace it stops at the first failure; with one it
    /// evaluates every condition so the explanation shows all that failed.
    func matches(_ record: ExceptionRecord, trace: inout RoutingTrace?) -> Bool {
        guard trace != nil else {
            for condition in conditions where !condition.evaluate(record).passed { return false }
            return true
        }
        var results: [ConditionResult] = []
        results.reserveCapacity(conditions.count)
        var matched = true
        for condition in conditions {
            let (passed, actual) = condition.evaluate(record)
            results.append(ConditionResult(condition, actual: actual, passed: passed))
            matched = matched && passed
        }
        trace?.attempts.append(RuleAttempt(ruleID: id, line: line, conditions: results, matched: matched))
        return matched
    }
}
