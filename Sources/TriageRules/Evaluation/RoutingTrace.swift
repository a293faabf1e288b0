import TriageCore

/// The result of one condition while explaining a routing decision.
public struct ConditionResult: Sendable, Hashable {
    /// The condition as written (field name or shorthand such as `has_order_number`).
    public let field: String
    /// The operator, as written in rules files.
    public let op: String
    /// The rule's value, as text; nil for `exists` and `missing`.
    public let expected: String?
    /// The exception's value, as text; nil when the field is absent.
    public let actual: String?
    /// Whether the condition passed.
    public let passed: Bool
}

/// One rule tried while explaining a routing decision.
public struct RuleAttempt: Sendable, Hashable {
    /// The rule's id.
    public let ruleID: String
    /// The rule's line in the rules file.
    public let line: Int
    /// Every condition of the rule with its result.
    public let conditions: [ConditionResult]
    /// Whether every condition passed.
    public let matched: Bool
}

/// How the routing table reached its decision: every rule tried, in order, up to the first match.
public struct RoutingTrace: Sendable, Hashable {
    /// The exception explained.
    public let exceptionID: Int64
    /// The rules tried, in order; the last one matched unless no rule did.
    public internal(set) var attempts: [RuleAttempt] = []

    /// The id of the rule that matched, if any.
    public var matchedRuleID: String? {
        attempts.last.flatMap { $0.matched ? $0.ruleID : nil }
    }
}

extension ConditionResult {
    /// Records a condition's evaluation for the trace.
    init(_ condition: Condition, actual: JSONValue?, passed: Bool) {
        self.field = condition.label
        self.op = condition.op.rawValue
        self.expected = condition.expected.map(ConditionResult.display)
        self.actual = actual.map(ConditionResult.display)
        self.passed = passed
    }

    /// A value as it reads in a trace: text as is, lists in brackets, objects as JSON.
    static func display(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .array(let items): return "[" + items.map(display).joined(separator: ", ") + "]"
        case .object: return value.serialized
        default: return value.text ?? ""
        }
    }
}
