import Foundation
import TriageCore

/// Turns domain values into the dictionaries the Mustache templates read. Every value is a plain string, number
/// or list; the templates escape them.
enum PageModels {
    static func reviewer(_ reviewer: Reviewer) -> [String: Any] {
        withoutEmptyText(["name": reviewer.name, "role": reviewer.role.rawValue, "team": reviewer.team ?? ""])
    }

    static func queue(_ items: [QueueItem], counts: [ExceptionKind: Int], filter: QueueFilter, now: Date) -> [String: Any] {
        [
            "cards": items.map { queueRow($0, now: now) },
            "counts": counts.sorted { $0.value > $1.value }.map { ["kind": $0.key.rawValue, "label": $0.key.label, "count": $0.value] },
            "kinds": ExceptionKind.allCases.map { ["value": $0.rawValue, "selected": $0 == filter.kind] },
            "types": DecisionType.allCases.map { ["value": $0.rawValue, "selected": $0 == filter.decisionType] },
            "confidences": Confidence.allCases.map { ["value": $0.rawValue, "selected": $0 == filter.confidence] },
            "team": filter.team ?? "", "minAge": filter.minAgeHours.map { String($0) } ?? "", "search": filter.search ?? "",
        ]
    }

    static func queueRow(_ item: QueueItem, now: Date) -> [String: Any] {
        let card = item.card
        let hours = max(0, now.timeIntervalSince(card.card.createdAt) / 3600)
        let suggestion = ReviewPlanner.suggestion(of: card)
        return [
            "suggested": suggested(card, suggestion), "flag": card.card.flags.first ?? suggestion?.flags.first ?? "",
            "id": card.id, "kind": card.card.kind.rawValue, "decision": card.card.decisionType.rawValue,
            "team": card.card.team, "confidence": card.confidence?.rawValue ?? "", "title": card.card.title,
            "amount": card.card.amountAtStake.map(\.description) ?? "",
            "age": hours < 48 ? String(format: "%.0f h", hours) : String(format: "%.0f d", hours / 24),
            "lockedBy": item.lockedBy ?? "",
        ]
    }

    /// What the card proposes, in a few words a reviewer can decide from in the queue: the rule's plan
    /// ("Refund 72.00 USD on order #102859"), else the AI's action with its key value ("match_order 102231").
    static func suggested(_ card: StoredCard, _ suggestion: Suggestion?) -> String {
        if let plan = card.card.plan { return String(plan.summary.prefix(70)) }
        guard let suggestion else { return "" }
        let key = ["order_number", "refund_amount", "total", "amount", "po_number"].lazy
            .compactMap { suggestion.parameters[$0]?.text }.first
        return [suggestion.action?.replacingOccurrences(of: "_", with: " "), key].compactMap { $0 }.joined(separator: " ")
    }

    /// The card page's model: the payload is shown as the source sent it.
    static func card(_ view: CardView, csrf: String, viewer: String) -> [String: Any] {
        let context = view.context
        let stored = context.card
        let suggestion = ReviewPlanner.suggestion(of: stored)
        // Another reviewer's card is shown read-only: the lock is theirs until they decide or it lapses.
        let decidable = [.open, .awaitingConfirmation].contains(stored.card.status)
            && (context.lockedBy == nil || context.lockedBy == viewer)
        let suggestedAction = stored.card.plan?.action ?? suggestion?.action
        var model: [String: Any] = [
            "id": stored.id, "title": stored.card.title, "kind": stored.card.kind.rawValue,
            "decision": stored.card.decisionType.rawValue, "status": stored.card.status.rawValue, "team": stored.card.team,
            "confidence": stored.confidence?.rawValue ?? "", "lockedBy": context.lockedBy ?? "",
            "flags": stored.card.flags + (suggestion?.flags ?? []), "hasFlags": !(stored.card.flags + (suggestion?.flags ?? [])).isEmpty,
            "summary": stored.card.summary, "decidable": decidable, "csrf": csrf,
            "acceptable": suggestedAction != nil, "acceptLabel": acceptLabel(stored, suggestion: suggestion),
            "suggestedAction": suggestedAction ?? "",
            "actions": ReviewPlanner.allowedActions(on: stored),
            "hasLinked": !context.linked.isEmpty,
            "linked": context.linked.map {
                ["source": $0.exception.source, "eventID": $0.exception.eventID, "occurredAt": ISODate.format($0.exception.occurredAt)]
            },
            "parametersJSON": JSONValue.object(stored.card.plan?.parameters ?? suggestion?.parameters ?? [:]).serialized,
            "decisions": context.decisions.map(decision),
            "source": context.exception.exception.source, "eventID": context.exception.exception.eventID,
            "exceptionKind": context.exception.exception.kind.rawValue, "reason": context.exception.exception.reason ?? "",
            "occurredAt": ISODate.format(context.exception.exception.occurredAt),
            "text": context.exception.exception.text ?? "", "payload": pretty(.object(context.exception.exception.payload)),
            "trace": view.trace ?? "",
            "hasShipments": !context.shipments.isEmpty, "hasPayments": !context.payments.isEmpty,
            "shipments": context.shipments.map {
                ["id": $0.shipmentID, "status": $0.status, "carrier": $0.carrier ?? "", "shippedAt": $0.shippedAt.map(ISODate.format) ?? ""]
            },
            "payments": context.payments.map {
                ["id": $0.paymentID, "status": $0.status, "amount": "\($0.amount) \($0.currency)", "updatedAt": ISODate.format($0.updatedAt)]
            },
        ]
        if let suggestion { model["suggestion"] = self.suggestion(suggestion) }
        if let plan = stored.card.plan { model["plan"] = ["summary": plan.summary] }
        if let order = context.order { model["order"] = self.order(order) }
        return withoutEmptyText(model)
    }

    /// Drops empty strings, so a `{{#text}}…{{/text}}` section is skipped rather than shown empty.
    static func withoutEmptyText(_ model: [String: Any]) -> [String: Any] {
        model.filter { !(($0.value as? String)?.isEmpty ?? false) }
    }

    /// "Approve refund 48.48 USD"-style: the rule plan's summary, else the suggested action with its amount.
    static func acceptLabel(_ card: StoredCard, suggestion: Suggestion?) -> String {
        if let plan = card.card.plan { return "Accept: " + plan.summary }
        guard let action = suggestion?.action else { return "No suggestion to accept" }
        let amount = suggestion?.parameters["amount"]?.text.map { " " + $0 } ?? ""
        return "Accept: " + action.replacingOccurrences(of: "_", with: " ") + amount
    }

    private static func suggestion(_ suggestion: Suggestion) -> [String: Any] {
        [
            "action": suggestion.action ?? "", "noSuggestionReason": suggestion.noSuggestionReason ?? "",
            "confidence": suggestion.confidence.rawValue, "model": suggestion.model ?? "none (deterministic)",
            "promptVersion": suggestion.promptVersion.map { String($0.prefix(12)) } ?? "none",
            "parameters": suggestion.parameters.sorted { $0.key < $1.key }.map { ["key": $0.key, "value": $0.value.text ?? $0.value.serialized] },
            "evidence": suggestion.evidence, "hasEvidence": !suggestion.evidence.isEmpty,
            "notes": suggestion.notes, "hasNotes": !suggestion.notes.isEmpty,
            "hasCandidates": !suggestion.candidates.isEmpty,
            "candidates": suggestion.candidates.map {
                ["label": $0.label, "score": String(format: "%.2f", $0.score), "reasons": $0.reasons.joined(separator: "; ")]
            },
        ]
    }

    private static func order(_ order: Order) -> [String: Any] {
        [
            "number": order.orderNumber, "customer": order.customer.name, "email": order.customer.email ?? "",
            "status": order.status, "placedAt": ISODate.formatDay(order.placedAt), "total": "\(order.total) \(order.currency)",
            "lines": order.lines.map { ["sku": $0.sku, "description": $0.description, "qty": $0.qty, "price": $0.unitPrice.description] },
        ]
    }

    private static func decision(_ decision: DecisionRecord) -> [String: Any] {
        ["actor": decision.actor, "action": decision.action, "reason": decision.reason ?? "", "decidedAt": ISODate.format(decision.decidedAt)]
    }

    static func escalations(_ groups: [EscalationGroup]) -> [String: Any] {
        ["groups": groups.map {
            ["source": $0.source, "reason": $0.reason, "count": $0.count, "lastSeen": ISODate.format($0.lastSeen), "cardIDs": $0.cardIDs]
        }]
    }

    private static func pretty(_ value: JSONValue) -> String {
        guard let data = value.serialized.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data),
            let pretty = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        else { return value.serialized }
        return String(decoding: pretty, as: UTF8.self)
    }
}
