import Foundation
import TriageCore

/// One page of the queue with what the page shows around it.
struct QueueListing {
    /// The cards on this page.
    var items: [QueueItem]
    /// Open cards per kind.
    var counts: [ExceptionKind: Int]
    /// Gated cards per rule id, for the rule filter and bulk accept.
    var gated: [String: Int]
    /// The filter in force.
    var filter: QueueFilter
    /// Where the next page starts, nil on the last page.
    var next: QueueCursor?
    /// The request's query string, kept by the next-page link.
    var query: String
    /// The routing table's teams, for the team filter.
    var teams: [String] = []
}

extension PageModels {
    static func queue(_ listing: QueueListing, now: Date) throws -> [String: Any] {
        let filter = listing.filter
        let rows = try listing.items.map { try queueRow($0, now: now) }
        return withoutEmptyText([
            "cards": rows, "bulkable": rows.contains { $0["bulkable"] as? Bool == true },
            "counts": listing.counts.sorted { $0.value > $1.value }.map {
                ["kind": $0.key.rawValue, "label": $0.key.label, "count": $0.value]
            },
            "kinds": ExceptionKind.allCases.map { ["value": $0.rawValue, "selected": $0 == filter.kind] },
            "types": DecisionType.allCases.map { ["value": $0.rawValue, "selected": $0 == filter.decisionType] },
            "confidences": Confidence.allCases.map { ["value": $0.rawValue, "selected": $0 == filter.confidence] },
            "rules": listing.gated.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
                ["value": $0.key, "count": $0.value, "selected": $0.key == filter.rule]
            },
            "teams": listing.teams.map { ["value": $0, "selected": $0 == filter.team] },
            "minAge": filter.minAgeHours.map { String($0) } ?? "",
            "search": filter.search ?? "", "nextHref": listing.next.map { nextHref(listing.query, $0) } ?? "",
        ])
    }

    /// One row; empty cells are left out of the model, so the template's sections (held by, flag, confidence)
    /// show nothing rather than a label with no value.
    static func queueRow(_ item: QueueItem, now: Date) throws -> [String: Any] {
        let card = item.card
        let hours = max(0, now.timeIntervalSince(card.card.createdAt) / 3600)
        let suggestion = try ReviewPlanner.suggestion(of: card)
        let suggested = suggested(card, suggestion)
        // A structured exception has no text: its title ("Payment drift · order #102859") stands for it.
        let source = item.snippet.map(TextClip.flattened) ?? card.card.title
        return withoutEmptyText([
            "suggested": suggested, "suggestedShort": TextClip.words(suggested, limit: 48),
            "flag": card.card.flags.first ?? suggestion?.flags.first ?? "",
            "id": card.id, "kind": card.card.kind.rawValue, "kindLabel": card.card.kind.label,
            "decision": card.card.decisionType.rawValue, "team": card.card.team,
            "confidence": card.confidence?.rawValue ?? "", "title": card.card.title,
            "snippet": TextClip.words(source, limit: 100),
            "snippetFull": item.snippet == nil ? source : card.card.title + " — " + source,
            "amount": card.card.amountAtStake.map(\.description) ?? "", "created": ISODate.format(card.card.createdAt),
            "age": hours < 48 ? String(format: "%.0f h", hours) : String(format: "%.0f d", hours / 24),
            "lockedBy": item.lockedBy ?? "", "rule": card.card.rule?.ruleID ?? "",
            "bulkable": ReviewPlanner.bulkRefusal(card) == nil && item.lockedBy == nil,
        ])
    }

    /// What the card proposes, in a few words a reviewer can decide from in the queue: the rule's plan
    /// ("Refund 72.00 USD on order #102859"), else the AI's action with its key value ("match_order 102231").
    static func suggested(_ card: StoredCard, _ suggestion: Suggestion?) -> String {
        if let plan = card.card.plan { return plan.summary }
        guard let suggestion else { return "" }
        let key = ["order_number", "refund_amount", "total", "amount", "po_number"].lazy
            .compactMap { suggestion.parameters[$0]?.text }.first
        return [suggestion.action?.replacingOccurrences(of: "_", with: " "), key].compactMap { $0 }.joined(separator: " ")
    }

    /// The same query with `after` set to `cursor`.
    static func nextHref(_ query: String, _ cursor: QueueCursor) -> String {
        var components = URLComponents()
        components.percentEncodedQuery = query.isEmpty ? nil : query
        var items = (components.queryItems ?? []).filter { $0.name != "after" }
        items.append(URLQueryItem(name: "after", value: cursor.token))
        components.queryItems = items
        return "/?" + (components.percentEncodedQuery ?? "")
    }

    /// The bulk accept's result page.
    static func bulkResult(_ result: BulkAcceptResult) -> [String: Any] {
        let entries = { (list: [BulkAcceptResult.NotAccepted]) in list.map { ["id": $0.cardID, "reason": $0.reason] } }
        return [
            "batch": result.batchID, "acceptedCount": result.accepted.count,
            "accepted": result.accepted.map { ["id": $0.cardID, "action": $0.action, "messages": $0.outboxMessages] },
            "judgment": entries(result.turnedToJudgment), "hasJudgment": !result.turnedToJudgment.isEmpty,
            "skipped": entries(result.skipped), "hasSkipped": !result.skipped.isEmpty,
        ]
    }
}
