import Foundation
import TriageCore

/// The card page's model, built in parts: the header, the actions, the suggestion with its candidates, the
/// source text with its evidence marked, and the reference data around it.
extension PageModels {
    /// The page of `view` for `viewer`; `form` is a refused decision to show again, `editAction` the action whose
    /// fields the edit form shows (a page without scripts switches actions by link).
    static func card(
        _ view: CardView, csrf: String, viewer: String, form: DecisionForm? = nil, editAction: String? = nil
    ) throws -> [String: Any] {
        let context = view.context
        let suggestion = try ReviewPlanner.suggestion(of: context.card)
        var model = header(context, suggestion: suggestion)
        model.merge(actions(context, suggestion: suggestion, csrf: csrf, viewer: viewer)) { $1 }
        model.merge(decisionControls(context.card, suggestion: suggestion, form: form, editAction: editAction)) { $1 }
        model.merge(source(context, suggestion: suggestion)) { $1 }
        model.merge(reference(context)) { $1 }
        model["trace"] = view.trace ?? ""
        if let suggestion { model["suggestion"] = self.suggestion(suggestion, context: context) }
        if let plan = context.card.card.plan { model["plan"] = ["summary": plan.summary] }
        return withoutEmptyText(model)
    }

    private static func header(_ context: CardContext, suggestion: Suggestion?) -> [String: Any] {
        let card = context.card
        let flags = card.card.flags + (suggestion?.flags ?? [])
        return [
            "id": card.id, "title": card.card.title, "kind": card.card.kind.rawValue,
            "decision": card.card.decisionType.rawValue, "status": card.card.status.rawValue, "team": card.card.team,
            "confidence": card.confidence?.rawValue ?? "", "lockedBy": context.lockedBy ?? "",
            "flags": flags, "hasFlags": !flags.isEmpty, "summary": card.card.summary,
            "joinedTo": card.joinedTo.map { String($0) } ?? "",
            "decisions": context.decisions.map(decision),
        ]
    }

    /// Accept, edit and reject; another reviewer's card is shown read-only while their lock lasts.
    private static func actions(_ context: CardContext, suggestion: Suggestion?, csrf: String, viewer: String) -> [String: Any] {
        let card = context.card
        return [
            "decidable": card.card.status.awaitsDecision && (context.lockedBy == nil || context.lockedBy == viewer),
            "csrf": csrf, "acceptable": (card.card.plan?.action ?? suggestion?.action) != nil,
            "acceptLabel": acceptLabel(card, suggestion: suggestion),
        ]
    }

    /// The exception, its source text split into runs with the evidence marked, and the exceptions that joined.
    private static func source(_ context: CardContext, suggestion: Suggestion?) -> [String: Any] {
        let exception = context.exception.exception
        let text = exception.text ?? ""
        let payload = pretty(.object(exception.payload))
        // Structured requests have no text: their evidence is marked in the payload instead.
        let marks = { (source: String) in
            EvidenceMarks.segments(
                source, evidence: suggestion?.evidence ?? [], parameters: (suggestion?.parameters ?? [:]).compactMapValues(\.text)
            ).map { ["text": $0.text, "marked": $0.field != nil, "field": $0.field ?? "", "target": $0.target ?? ""] }
        }
        return [
            "source": exception.source, "eventID": exception.eventID, "exceptionKind": exception.kind.rawValue,
            "reason": exception.reason ?? "", "occurredAt": ISODate.format(exception.occurredAt), "text": text,
            "segments": marks(text), "payload": payload,
            "payloadSegments": text.isEmpty ? marks(payload) : [["text": payload, "marked": false]],
            "hasLinked": !context.linked.isEmpty,
            "linked": context.linked.map {
                [
                    "source": $0.exception.source, "eventID": $0.exception.eventID, "kind": $0.exception.kind.rawValue,
                    "reason": $0.exception.reason ?? "", "occurredAt": ISODate.format($0.exception.occurredAt),
                    "text": String(($0.exception.text ?? "").prefix(400)),
                ]
            },
        ]
    }

    private static func reference(_ context: CardContext) -> [String: Any] {
        var model: [String: Any] = [
            "hasShipments": !context.shipments.isEmpty, "hasPayments": !context.payments.isEmpty,
            "shipments": context.shipments.map {
                ["id": $0.shipmentID, "status": $0.status, "carrier": $0.carrier ?? "", "shippedAt": $0.shippedAt.map(ISODate.format) ?? ""]
            },
            "payments": context.payments.map {
                ["id": $0.paymentID, "status": $0.status, "amount": "\($0.amount) \($0.currency)", "updatedAt": ISODate.format($0.updatedAt)]
            },
        ]
        let lines = RequestedLines(exception: context.exception, reasons: [])
        if let order = context.order { model["order"] = self.order(order, lines: lines) }
        return model
    }

    /// "Approve refund 48.48 USD"-style: the rule plan's summary, else the suggested action with its amount.
    static func acceptLabel(_ card: StoredCard, suggestion: Suggestion?) -> String {
        if let plan = card.card.plan { return "Accept: " + plan.summary }
        guard let action = suggestion?.action else { return "No suggestion to accept" }
        let amount = suggestion?.parameters["amount"]?.text.map { " " + $0 } ?? ""
        return "Accept: " + action.replacingOccurrences(of: "_", with: " ") + amount
    }

    private static func suggestion(_ suggestion: Suggestion, context: CardContext) -> [String: Any] {
        [
            "action": suggestion.action ?? "", "noSuggestionReason": suggestion.noSuggestionReason ?? "",
            "confidence": suggestion.confidence.rawValue, "model": suggestion.model ?? "none (deterministic)",
            "promptVersion": suggestion.promptVersion.map { String($0.prefix(12)) } ?? "none",
            "parameters": suggestion.parameters.sorted { $0.key < $1.key }.map {
                ["key": $0.key, "value": $0.value.text ?? $0.value.serialized]
            },
            "evidence": suggestion.evidence.enumerated().map { ["n": $0.offset + 1, "quote": $0.element] },
            "hasEvidence": !suggestion.evidence.isEmpty,
            "notes": suggestion.notes, "hasNotes": !suggestion.notes.isEmpty,
            "hasCandidates": !suggestion.candidates.isEmpty,
            "candidates": suggestion.candidates.map { candidate(in: context, $0, of: suggestion) },
        ]
    }

    /// A candidate with the facts that support it, the facts that ruled it out, and its lines, those the request
    /// names marked.
    private static func candidate(in context: CardContext, _ candidate: CandidateEvidence, of suggestion: Suggestion)
        -> [String: Any]
    {
        let ruledOut = candidate.reasons.filter { $0.hasPrefix("ruled out: ") }.map { String($0.dropFirst(11)) }
        let lines = RequestedLines(exception: context.exception, reasons: candidate.reasons)
        let order = context.candidateOrders.first { $0.orderID == candidate.id }
        let current = ActionFields.current(on: context.card, suggestion: suggestion)
        return withoutEmptyText([
            "id": candidate.id, "label": candidate.label, "score": String(format: "%.2f", candidate.score),
            "sets": JSONValue.object(ActionFields.parameters(choosing: candidate, task: suggestion.task)).serialized,
            "suggested": isSuggested(candidate, suggestion: suggestion, current: current),
            "reasons": candidate.reasons.filter { !$0.hasPrefix("ruled out: ") }.joined(separator: "; "),
            "ruledOut": ruledOut, "isRuledOut": !ruledOut.isEmpty,
            "lines": order.map { $0.lines.map { line(lines, $0) } } ?? [],
        ])
    }

    private static func order(_ order: Order, lines: RequestedLines) -> [String: Any] {
        [
            "number": order.orderNumber, "customer": order.customer.name, "email": order.customer.email ?? "",
            "status": order.status, "placedAt": ISODate.formatDay(order.placedAt), "total": "\(order.total) \(order.currency)",
            "lines": order.lines.map { line(lines, $0) },
        ]
    }

    private static func line(_ requested: RequestedLines, _ line: OrderLine) -> [String: Any] {
        [
            "sku": line.sku, "description": line.description, "qty": line.qty, "price": line.unitPrice.description,
            "matched": requested.names(line),
        ]
    }

    private static func decision(_ decision: DecisionRecord) -> [String: Any] {
        [
            "actor": decision.actor, "action": decision.action, "reason": decision.reason ?? "",
            "decidedAt": ISODate.format(decision.decidedAt), "batch": decision.batchID ?? "",
        ]
    }

    /// The payload, indented with sorted keys; as stored when it cannot be re-read (it always can: it is our JSON).
    private static func pretty(_ value: JSONValue) -> String {
        do {
            let object = try JSONSerialization.jsonObject(with: Data(value.serialized.utf8))
            let pretty = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            return String(decoding: pretty, as: UTF8.self)
        } catch {
            return value.serialized
        }
    }
}
