import TriageCore
import Yams

extension RulesParser {
    /// Compiles an operator and its value: lists to sets, numbers parsed, regular expressions compiled.
    mutating func compile(_ op: ConditionOperator, value node: Node?, at mark: Mark?, in context: String)
        -> Predicate?
    {
        guard op.takesValue else {
            if let node { add(at: node.mark, "op \"\(op.rawValue)\" takes no value", in: context) }
            return op == .exists ? .exists : .missing
        }
        guard let node else {
            add(at: mark, "missing field \"value\" for op \"\(op.rawValue)\"", in: context)
            return nil
        }
        let value = Self.json(node)
        switch op {
        case .in, .notIn: return compileList(op, value, at: node.mark, in: context)
        case .gt, .gte, .lt, .lte: return compileNumeric(op, value, at: node.mark, in: context)
        case .matches: return compileRegex(value, at: node.mark, in: context)
        default: return compileEquality(op, value, at: node.mark, in: context)
        }
    }

    private mutating func compileList(_ op: ConditionOperator, _ value: JSONValue, at mark: Mark?, in context: String)
        -> Predicate?
    {
        guard let items = value.array, !items.isEmpty, items.allSatisfy({ $0.text != nil }) else {
            add(at: mark, "op \"\(op.rawValue)\" needs a non-empty list of values", in: context)
            return nil
        }
        let set = Set(items.compactMap(\.text))
        return op == .in ? .oneOf(set) : .noneOf(set)
    }

    private mutating func compileNumeric(
        _ op: ConditionOperator, _ value: JSONValue, at mark: Mark?, in context: String
    ) -> Predicate? {
        guard let number = value.number else {
            add(at: mark, "op \"\(op.rawValue)\" needs a number, not \"\(value.text ?? "")\"", in: context)
            return nil
        }
        return .numeric(op, number)
    }

    private mutating func compileRegex(_ value: JSONValue, at mark: Mark?, in context: String) -> Predicate? {
        guard case .string(let pattern) = value else {
            add(at: mark, "op \"matches\" needs a regular expression as text", in: context)
            return nil
        }
        do {
            return .matches(try CompiledRegex(pattern))
        } catch {
            add(at: mark, "bad regular expression \"\(pattern)\"", in: context)
            return nil
        }
    }

    private mutating func compileEquality(
        _ op: ConditionOperator, _ value: JSONValue, at mark: Mark?, in context: String
    ) -> Predicate? {
        guard let text = value.text else {
            add(at: mark, "op \"\(op.rawValue)\" needs a single value", in: context)
            return nil
        }
        let number: Double? = if case .number(let number) = value { number } else { nil }
        return op == .eq ? .equal(text: text, number: number) : .notEqual(text: text, number: number)
    }
}
