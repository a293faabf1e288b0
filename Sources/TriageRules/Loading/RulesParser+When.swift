import TriageCore
import Yams

extension RulesParser {
    static let whenKeys = ["kind", "source", "reason", "has_order_number", "fields"]
    static let fieldKeys = ["field", "op", "value"]

    /// Parses a `when:` clause into conditions; no clause matches everything.
    mutating func parseWhen(_ node: Node?, in context: String) -> [Condition]? {
        guard let node else { return [] }
        guard let mapping = node.mapping else {
            add(at: node.mark, "when must be a mapping of conditions", in: context)
            return nil
        }
        checkKeys(mapping, allowed: Self.whenKeys, in: context)
        var conditions: [Condition?] = []
        for key in ["kind", "source", "reason"] {
            if let value = mapping[key] { conditions.append(parseShorthand(key, value, in: context)) }
        }
        if let value = mapping["has_order_number"] { conditions.append(parseHasOrderNumber(value, in: context)) }
        if let value = mapping["fields"] { conditions.append(contentsOf: parseFields(value, in: context)) }
        let compiled = conditions.compactMap { $0 }
        return compiled.count == conditions.count ? compiled : nil
    }

    /// `kind`, `source` or `reason`: one value (eq) or a list (in).
    private mutating func parseShorthand(_ key: String, _ node: Node, in context: String) -> Condition? {
        guard let values = textList(node, name: key, in: context) else { return nil }
        if key == "kind" {
            let known = values.allSatisfy { value in
                parseEnum(ExceptionKind.self, Self.node(named: value, like: node), name: "kind", in: context) != nil
            }
            guard known else { return nil }
        }
        let line = node.mark?.line ?? 1
        if values.count == 1 {
            let predicate = Predicate.equal(text: values[0], number: nil)
            return Condition(
                label: key, field: key, op: .eq, expected: .string(values[0]), line: line, predicate: predicate)
        }
        let expected = JSONValue.array(values.map(JSONValue.string))
        return Condition(
            label: key, field: key, op: .in, expected: expected, line: line, predicate: .oneOf(Set(values)))
    }

    /// The scalar inside a `kind` list that holds `value`, so an unknown kind is reported at its own position.
    private static func node(named value: String, like node: Node) -> Node {
        node.sequence?.first { $0.scalar?.string == value } ?? node
    }

    private mutating func parseHasOrderNumber(_ node: Node, in context: String) -> Condition? {
        guard case .bool(let wanted) = Self.json(node) else {
            add(at: node.mark, "has_order_number must be true or false", in: context)
            return nil
        }
        let op: ConditionOperator = wanted ? .exists : .missing
        return Condition(
            label: "has_order_number", field: "order_number", op: op, expected: nil, line: node.mark?.line ?? 1,
            predicate: wanted ? .exists : .missing)
    }

    private mutating func parseFields(_ node: Node, in context: String) -> [Condition?] {
        guard let sequence = node.sequence else {
            add(at: node.mark, "fields must be a list of {field, op, value}", in: context)
            return [nil]
        }
        return sequence.map { parseField($0, in: context) }
    }

    /// One `{field, op, value}` condition, compiled.
    private mutating func parseField(_ node: Node, in context: String) -> Condition? {
        guard let mapping = node.mapping else {
            add(at: node.mark, "a field condition must be a mapping {field, op, value}", in: context)
            return nil
        }
        checkKeys(mapping, allowed: Self.fieldKeys, in: context)
        let field = requiredText(mapping, "field", at: node.mark, in: context)
        let op = mapping["op"].flatMap { parseEnum(ConditionOperator.self, $0, name: "op", in: context) }
        if mapping["op"] == nil { add(at: node.mark, "missing field \"op\"", in: context) }
        guard let field, let op else { return nil }
        let fieldContext = "\(context): field \"\(field)\""
        guard let predicate = compile(op, value: mapping["value"], at: node.mark, in: fieldContext) else { return nil }
        return Condition(
            label: field, field: field, op: op, expected: mapping["value"].map(Self.json),
            line: node.mark?.line ?? 1, predicate: predicate)
    }
}
