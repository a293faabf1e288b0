/// A comparison a rule condition makes between an exception field and the rule's value.
public enum ConditionOperator: String, Sendable, CaseIterable, Hashable {
    /// Equal (numbers compare as numbers, everything else as text).
    case eq
    /// Not equal.
    case ne
    /// One of a list.
    case `in`
    /// None of a list.
    case notIn = "not_in"
    /// Greater than (numbers, numeric strings count).
    case gt
    /// Greater than or equal.
    case gte
    /// Less than.
    case lt
    /// Less than or equal.
    case lte
    /// The field is present, not null and not empty text.
    case exists
    /// The field is absent, null or empty text.
    case missing
    /// The field's text matches a regular expression (anywhere in the text; anchor with `^…$`).
    case matches

    /// The spellings a rules file may use, for error messages.
    static let spellings = allCases.map(\.rawValue).joined(separator: ", ")

    /// True when the operator compares numbers.
    var isNumeric: Bool {
        switch self {
        case .gt, .gte, .lt, .lte: true
        default: false
        }
    }

    /// True when the operator needs a `value`.
    var takesValue: Bool { self != .exists && self != .missing }

    /// True when the operator's value is a list.
    var takesList: Bool { self == .in || self == .notIn }
}
