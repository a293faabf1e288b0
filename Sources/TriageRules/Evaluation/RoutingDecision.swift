import TriageCore

/// Where the routing table sends one exception.
public struct RoutingDecision: Sendable {
    /// The rule that matched; nil when none did.
    public let rule: Rule?
    /// How the exception is decided: the rule's decision, or judgment when no rule matched.
    public let decisionType: DecisionType
    /// The action the rule names (`none` when no rule matched).
    public let action: RuleAction
    /// The rule's mode, for binary rules only.
    public let mode: RuleMode?
    /// The AI worker's task, for `queue_ai`.
    public let task: AITask?
    /// How the table got there; filled by `explain(_:)`, nil from `route(_:)`.
    public var trace: RoutingTrace?

    /// The decision for an exception no rule matched: a judgment card.
    static let noMatch = RoutingDecision(rule: nil)

    init(rule: Rule?, trace: RoutingTrace? = nil) {
        self.rule = rule
        self.decisionType = rule?.decision ?? .judgment
        self.action = rule?.action ?? .none
        self.mode = rule?.decision == .binary ? rule?.mode : nil
        self.task = rule?.task
        self.trace = trace
    }

    /// The action's parameters from the rule.
    public var params: [String: JSONValue] { rule?.params ?? [:] }
}
