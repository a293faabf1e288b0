import TriageCore

/// One test in a rule's `when:` clause, compiled at load time.
///
/// The clause's shorthands become conditions too (`kind: [a, b]` is `kind in [a, b]`,
/// `has_order_number: true` is `order_number exists`), so evaluation and the trace treat them alike.
public struct Condition: Sendable {
    /// The condition as written in the file: the field name or the shorthand (`has_order_number`).
    public let label: String
    /// The exception field it reads (see `ExceptionRecord.field(_:)`).
    public let field: String
    /// The comparison.
    public let op: ConditionOperator
    /// The rule's value, for display; nil for `exists` and `missing`.
    public let expected: JSONValue?
    /// Where the condition is written in the rules file.
    public let line: Int
    let predicate: Predicate

    init(label: String, field: String, op: ConditionOperator, expected: JSONValue?, line: Int, predicate: Predicate) {
        self.label = label
        self.field = field
        self.op = op
        self.expected = expected
        self.line = line
        self.predicate = predicate
    }

    /// Evaluates the condition; the one piece of code both `route(_:)` and `explain(_:)` use.
    @inline(__always)
    func evaluate(_ record: ExceptionRecord) -> (passed: Bool, actual: JSONValue?) {
        let actual = record.field(field)
        return (predicate.test(actual), actual)
    }
}
