import Foundation
import TriageCore

/// Builds the card for one routed exception: title, team, summary, amount at stake and context.
struct CardFactory {
    let record: ExceptionRecord
    let team: String
    let now: Date

    /// A card a person decides, with why.
    func judgment(summary: String, rule: Rule? = nil) -> NewCard {
        make(.judgment, .open, summary: summary, rule: rule)
    }

    /// A binary rule whose action could not decide: a judgment card with the precise reason.
    func ruleNeedsJudgment(rule: Rule, reason: String) -> NewCard {
        let prefix =
            rule.mode == .shadow ? "Shadow rule \(rule.id) would need a person" : "Rule \(rule.id) cannot decide"
        return make(
            .judgment, .open, summary: "\(prefix): \(reason)", rule: rule, extra: ["judgment_reason": .string(reason)])
    }

    /// A binary rule's plan, shown according to the rule's mode.
    func binary(rule: Rule, plan: ActionPlan) -> NewCard {
        switch rule.mode {
        case .auto:
            return make(
                .binary, .autoResolved, summary: "Auto-resolved by rule \(rule.id): \(plan.summary)", rule: rule,
                plan: plan)
        case .gated:
            return make(
                .binary, .awaitingConfirmation,
                summary: "Rule \(rule.id) proposes: \(plan.summary). Confirm to execute",
                rule: rule, plan: plan)
        case .shadow:
            return make(
                .judgment, .open,
                summary: "Shadow rule \(rule.id) would: \(plan.summary) (not executed; decide yourself)",
                rule: rule, plan: plan)
        }
    }

    /// An engineering card with the connector's error context and how often it happened.
    func escalated(rule: Rule, occurrences: Int) -> NewCard {
        let connector = record.text("connector") ?? record.exception.source
        let error = record.text("error") ?? record.exception.reason ?? "error"
        let endpoint = record.text("endpoint").map { " at \($0)" } ?? ""
        let times = occurrences == 1 ? "first occurrence" : "\(occurrences) occurrences"
        var extra: [String: JSONValue] = ["occurrences": .number(Double(occurrences))]
        for key in ["connector", "error", "endpoint", "message"] { extra[key] = record.field(key) }
        return make(
            .escalated, .open, summary: "\(connector): \(error)\(endpoint) (\(times))", rule: rule, extra: extra)
    }

    /// An engineering card for an exception routing could not handle, naming the error.
    func unroutable(error: any Error) -> NewCard {
        let message = String(describing: error)
        return make(
            .escalated, .open, summary: "This exception could not be routed: \(message). Check its data and the rules",
            rule: nil, extra: ["routing_error": .string(message)])
    }

    /// A card waiting for the AI worker to pre-fill it.
    func awaitingWorker(rule: Rule, task: AITask) -> NewCard {
        make(
            .unstructured, .awaitingWorker, summary: WorkerIntake.waitingSummary, rule: rule,
            extra: ["ai_task": .string(task.rawValue)])
    }

    private func make(
        _ decision: DecisionType, _ status: CardStatus, summary: String, rule: Rule?, plan: ActionPlan? = nil,
        extra: [String: JSONValue] = [:]
    ) -> NewCard {
        NewCard(
            exceptionID: record.id, kind: record.exception.kind, decisionType: decision, status: status, team: team,
            title: title, summary: summary, rule: rule?.outcome, plan: plan, amountAtStake: amountAtStake(plan),
            details: details.merging(extra) { _, new in new }, createdAt: now)
    }

    /// One line for the queue: the kind and what it is about.
    var title: String {
        let kind = record.exception.kind.label
        if let number = record.orderNumber { return "\(kind) · order #\(number)" }
        if let sku = record.text("sku") { return "\(kind) · SKU \(sku)" }
        if let connector = record.text("connector") { return "\(kind) · \(connector)" }
        return "\(kind) · \(record.exception.source)"
    }

    /// The refund planned, else the amount the exception names.
    func amountAtStake(_ plan: ActionPlan?) -> Money? {
        for change in plan?.changes ?? [] {
            if case .refund(_, let amount) = change { return amount }
        }
        for key in ["amount", "refund_amount", "total"] {
            if let money = Money(json: record.field(key)) { return money }
        }
        return nil
    }

    /// The exception's identifying fields; the payload stays in the exception log (one copy of customer data),
    /// and the card view joins it.
    var details: [String: JSONValue] {
        var details: [String: JSONValue] = [:]
        details["source"] = .string(record.exception.source)
        details["event_id"] = .string(record.exception.eventID)
        details["occurred_at"] = .string(ISODate.format(record.exception.occurredAt))
        if let reason = record.exception.reason { details["reason"] = .string(reason) }
        if let number = record.orderNumber { details["order_number"] = .string(number) }
        return details
    }
}
