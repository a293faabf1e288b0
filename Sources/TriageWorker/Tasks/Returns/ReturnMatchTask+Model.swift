import Foundation
import TriageCore

extension ReturnMatchTask {
    /// Offers the close contenders, shuffled so that position cannot pick (the same order for the same request, so
    /// recordings replay), and "none"; the reply is shown to the reviewer and never changes the match.
    func consult(
        _ model: TaskModel, decision: ReturnDecision, request: ReturnRequest, into suggestion: inout Suggestion
    ) async throws(ChatError) {
        let shuffled = ReturnPrompt.shuffled(decision.contenders, seed: request.text + ISODate.formatDay(request.received))
        let ids = shuffled.map(\.order.orderID) + ["none"]
        let outcome = try await model.ask(
            .returnMatch, context: ReturnPrompt.context(request, offered: shuffled),
            enums: ["order_id": ids]
        ) { reply -> Result<String, ReplyError> in
            guard let id = reply["order_id"]?.text else { return .failure(ReplyError("order_id is missing")) }
            guard ids.contains(id) else { return .failure(ReplyError("order_id \(id.prefix(40)) was not offered")) }
            return .success(id)
        }
        suggestion.record(outcome.usage, version: model.version(.returnMatch))
        guard let pick = outcome.reply else { return suggestion.modelInvalid(outcome.invalidReason) }
        adopt(pick, decision: decision, request: request, into: &suggestion)
    }

    private func adopt(_ pick: String, decision: ReturnDecision, request: ReturnRequest, into suggestion: inout Suggestion) {
        let chosenID = decision.chosen?.order.orderID ?? "none"
        guard pick != chosenID else {
            suggestion.notes.append("model agreed")
            return
        }
        // Advice, not a decision: letting the model choose among close contenders turned 6 right answers wrong and
        // none wrong right on the project suite (docs/decisions.md), so the reviewer sees its pick beside the scores'.
        let picked = decision.contenders.first { $0.order.orderID == pick }.map(\.order.orderNumber)
            ?? (pick == "none" ? "no match" : pick)
        let kept = decision.chosen.map { "kept \($0.order.orderNumber)" } ?? "kept no match"
        suggestion.modelDisagreed("model suggested \(picked); \(kept) from the scores")
    }
}

/// The Mustache context for the return-match prompt.
enum ReturnPrompt {
    /// `candidates` in an order fixed by `seed` and their ids (FNV-1a), unrelated to their scores.
    static func shuffled(_ candidates: [ScoredOrder], seed: String) -> [ScoredOrder] {
        func key(_ text: String) -> UInt64 {
            text.utf8.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        }
        return candidates.sorted { key(seed + $0.order.orderID) < key(seed + $1.order.orderID) }
    }

    static func context(_ request: ReturnRequest, offered: [ScoredOrder]) -> [String: Any] {
        let candidates: [[String: Any]] = offered.map { scored in
            ["id": scored.order.orderID, "label": scored.evidence.label, "reasons": scored.reasons.joined(separator: "; ")]
        }
        let items = (request.items.isEmpty ? request.mentions.map(\.phrase) : request.items.map(\.description))
            .joined(separator: ", ")
        return [
            "candidates": candidates,
            "customer": request.name.map { ($0.given + [$0.family ?? ""]).joined(separator: " ") } ?? "",
            "email": request.email ?? "", "items": items, "refund": request.refund?.description ?? "",
            "received": ISODate.formatDay(request.received), "text": PromptText.delimitable(request.text, limit: 700),
        ]
    }
}

extension ScoredOrder {
    /// The card's view of this candidate.
    var evidence: CandidateEvidence {
        let label = "\(order.orderNumber) · \(order.customer.name) · \(ISODate.formatDay(order.placedAt)) · "
            + "\(order.total) \(order.currency)"
        let shown = ruledOut == nil ? (min(max(score, 0), 1) * 100).rounded() / 100 : 0
        return CandidateEvidence(id: order.orderID, label: label, score: shown, reasons: reasons)
    }
}

extension Suggestion {
    /// The most a "no match" answer may claim: finding nothing is never high confidence.
    static let noMatchCeiling = Confidence.medium

    /// Sets the matched order (or none, capping the confidence at ``noMatchCeiling``) and the refund bounded by
    /// the order's total.
    mutating func apply(_ chosen: ScoredOrder?, request: ReturnRequest) {
        action = chosen == nil ? "no_match" : "match_order"
        parameters["order_id"] = chosen.map { .string($0.order.orderID) } ?? .null
        parameters["order_number"] = chosen.map { .string($0.order.orderNumber) } ?? .null
        parameters["currency"] = (chosen?.order.currency ?? request.currency).map(JSONValue.string) ?? .null
        guard let order = chosen?.order else {
            parameters["refund_amount"] = .null
            confidence = min(confidence, Self.noMatchCeiling)
            return
        }
        let asked = request.refund ?? order.total
        let bounded = asked > order.total ? order.total : asked
        parameters["refund_amount"] = .string(bounded.description)
        if asked > order.total { notes.append("refund asked \(asked) exceeds the order total; bounded to \(order.total)") }
    }
}
