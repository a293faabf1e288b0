import TriageCore

/// How routing ended for an exception, from its card: the end of `triage rules explain`.
public enum RoutingOutcomeText {
    /// The action's validation against the store and the decision that stands, so the trace never ends on a rule
    /// that did not in fact decide; nil `routed` when the exception has no card yet. An exception that joined
    /// another's card (same order and cause) says so, and shows that card.
    public static func render(_ routed: RoutedCard?) -> String {
        guard let routed else { return "outcome: no card yet (the exception has not been routed)" }
        let (stored, card) = (routed.card, routed.card.card)
        var lines = ["outcome: card \(stored.id) · \(card.decisionType.rawValue) · \(card.status.rawValue) · team \(card.team)"]
        if let survivor = stored.joinedTo {
            lines[0] = "outcome: card \(stored.id) joined card \(survivor) (an undecided card about the same order and "
                + "cause); decide on card \(survivor)"
        } else if routed.joined {
            lines[0] = "outcome: joined card \(stored.id) (an earlier event about the same order and cause) · "
                + "\(card.decisionType.rawValue) · \(card.status.rawValue) · team \(card.team)"
        }
        if let rule = card.rule {
            let decided = card.decisionType == .binary && card.plan != nil
            if decided {
                lines.append("validation: rule \(rule.ruleID)'s action \(rule.action) checked out against the store (mode \(rule.mode.rawValue))")
            } else if let task = card.details["ai_task"]?.text {
                lines.append("routing: rule \(rule.ruleID) sent it to the AI worker (task \(task)); a person decides on its suggestion")
            } else {
                lines.append("validation: rule \(rule.ruleID)'s action \(rule.action) could not decide; the card went to a person")
            }
        }
        lines.append("card says: \(card.summary)")
        if !card.flags.isEmpty { lines.append("flags: " + card.flags.joined(separator: ", ")) }
        return lines.joined(separator: "\n")
    }
}
