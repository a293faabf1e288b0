import TriageCore

/// One row of the routing table: when an exception matches, how it is decided and what is done.
public struct Rule: Sendable {
    /// The rule's unique id, e.g. `payment-drift-sync`.
    public let id: String
    /// The rule's version; bump it when the rule's meaning changes so agreement is measured per version.
    public let version: Int
    /// The conditions, all of which must pass; none means the rule matches everything.
    public let conditions: [Condition]
    /// How a matching exception is decided.
    public let decision: DecisionType
    /// What is done.
    public let action: RuleAction
    /// The AI worker's task, for `queue_ai`.
    public let task: AITask?
    /// How much a binary rule is trusted (gated for rules that are not binary).
    public let mode: RuleMode
    /// The action's parameters, validated at load time.
    public let params: [String: JSONValue]
    /// The line of the rule in the rules file.
    public let line: Int

    /// The outcome recorded on a card this rule decided.
    public var outcome: RuleOutcome {
        RuleOutcome(ruleID: id, ruleVersion: version, mode: mode, action: action.rawValue)
    }
}
