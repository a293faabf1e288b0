import Foundation
import TriageCore

/// A condition compiled at load time: sets built, numbers parsed, regular expressions compiled.
enum Predicate: Sendable {
    case equal(text: String, number: Double?)
    case notEqual(text: String, number: Double?)
    case oneOf(Set<String>)
    case noneOf(Set<String>)
    case numeric(ConditionOperator, Double)
    case exists
    case missing
    case matches(CompiledRegex)

    /// Tests a field's value; `nil` is an absent field.
    func test(_ actual: JSONValue?) -> Bool {
        switch self {
        case .equal(let text, let number): return Predicate.equals(actual, text: text, number: number)
        case .notEqual(let text, let number): return !Predicate.equals(actual, text: text, number: number)
        case .oneOf(let set): return actual?.text.map(set.contains) ?? false
        case .noneOf(let set): return !(actual?.text.map(set.contains) ?? false)
        case .numeric(let op, let bound): return actual?.number.map { Predicate.compare($0, op, bound) } ?? false
        case .exists: return Predicate.isPresent(actual)
        case .missing: return !Predicate.isPresent(actual)
        case .matches(let regex): return actual?.text.map(regex.matches) ?? false
        }
    }

    private static func equals(_ actual: JSONValue?, text: String, number: Double?) -> Bool {
        guard let actual else { return false }
        if let number, let value = actual.number { return value == number }
        return actual.text == text
    }

    private static func compare(_ value: Double, _ op: ConditionOperator, _ bound: Double) -> Bool {
        switch op {
        case .gt: value > bound
        case .gte: value >= bound
        case .lt: value < bound
        default: value <= bound
        }
    }

    /// Present means not absent, not null and not empty text: an empty order number is no order number.
    private static func isPresent(_ actual: JSONValue?) -> Bool {
        switch actual {
        case .none, .null?: false
        case .string(let text)?: !text.isEmpty
        default: true
        }
    }
}
