import Foundation
import TriageCore

/// What a scripted reviewer does with one card.
public struct ScriptedReviewer {
    let context: CardContext
    /// The demo generator's labels of the card's exception (from the demo database, never from the payload).
    let labels: [String: JSONValue]

    /// A reviewer for one card, deciding from the generator's labels.
    public init(context: CardContext, labels: [String: JSONValue]) {
        self.context = context
        self.labels = labels
    }

    /// The decision: a rule's plan accepted 9 times in 10 (else rejected), an AI suggestion accepted when it
    /// matches the label and edited to the label otherwise, other cards resolved by hand.
    public func request(random: inout DemoRandom) throws(ReviewError) -> ReviewRequest {
        let card = context.card
        if card.card.plan != nil {
            return Double.random(in: 0..<1, using: &random) < 0.9
                ? ReviewRequest(cardID: card.id, verdict: .accept)
                : ReviewRequest(cardID: card.id, verdict: .reject, reason: "count disputed; recounting")
        }
        if let suggestion = try ReviewPlanner.suggestion(of: card), let action = suggestion.action {
            let truth = truthAction(suggestion.task)
            guard let truth, truth != action else { return ReviewRequest(cardID: card.id, verdict: .accept) }
            return ReviewRequest(cardID: card.id, verdict: .edit, action: truth, reason: "checked against the source")
        }
        let action = card.card.decisionType == .escalated ? "acknowledged" : "resolved_manually"
        return ReviewRequest(cardID: card.id, verdict: .edit, action: action, reason: "handled by hand")
    }

    /// The demo generator's label for the task's action, when the exception has one.
    private func truthAction(_ task: AITask) -> String? {
        switch task {
        case .returnMatch:
            guard let truth = labels["order_id"] else { return nil }
            return truth.isNull ? "no_match" : "match_order"
        case .invoice, .warranty:
            return labels["expected"]?["action"]?.text
        }
    }
}
