import Foundation
import TriageCore
import Yams

extension RulesParser {
    /// A YAML node as a JSON value: plain scalars that look like numbers, booleans or null become those.
    static func json(_ node: Node) -> JSONValue {
        switch node {
        case .scalar(let scalar): return json(scalar)
        case .sequence(let sequence): return .array(sequence.map(json))
        case .mapping(let mapping):
            let pairs = mapping.map { ($0.key.scalar?.string ?? "", json($0.value)) }
            return .object(Dictionary(pairs) { _, last in last })
        }
    }

    private static func json(_ scalar: Node.Scalar) -> JSONValue {
        let text = scalar.string
        guard scalar.style == .plain else { return .string(text) }
        switch text {
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case "null", "Null", "NULL", "~", "": return .null
        default: break
        }
        let numeric = text.allSatisfy { $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }
        if numeric, let number = Double(text) { return .number(number) }
        return .string(text)
    }

    /// A whole number in a plain scalar.
    func integer(_ node: Node) -> Int? {
        guard case .number(let number) = Self.json(node), number.rounded() == number, abs(number) < 1e15 else {
            return nil
        }
        return Int(number)
    }

    /// A scalar's text when it is non-empty; reports a problem otherwise.
    mutating func nonEmptyText(_ node: Node, name: String, in context: String?) -> String? {
        guard let text = node.scalar?.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            add(at: node.mark, "\(name) must be non-empty text", in: context)
            return nil
        }
        return text
    }

    /// A required text field of a mapping; reports it missing at `mark`.
    mutating func requiredText(_ mapping: Node.Mapping, _ key: String, at mark: Mark?, in context: String?)
        -> String?
    {
        guard let node = mapping[key] else {
            add(at: mark, "missing field \"\(key)\"", in: context)
            return nil
        }
        return nonEmptyText(node, name: key, in: context)
    }

    /// A scalar that must be one of an enum's raw values; reports the allowed spellings otherwise.
    mutating func parseEnum<Value: RawRepresentable & CaseIterable>(
        _ type: Value.Type, _ node: Node, name: String, in context: String?
    ) -> Value? where Value.RawValue == String {
        let text = node.scalar?.string ?? ""
        if let value = Value(rawValue: text) { return value }
        let expected = Value.allCases.map(\.rawValue).joined(separator: ", ")
        add(at: node.mark, "unknown \(name) \"\(text)\" (expected \(expected))", in: context)
        return nil
    }

    /// A scalar or a list of scalars, as text.
    mutating func textList(_ node: Node, name: String, in context: String?) -> [String]? {
        let items = node.sequence.map(Array.init) ?? [node]
        var texts: [String] = []
        for item in items {
            guard let text = nonEmptyText(item, name: name, in: context) else { return nil }
            texts.append(text)
        }
        if texts.isEmpty { add(at: node.mark, "\(name) must not be an empty list", in: context) }
        return texts.isEmpty ? nil : texts
    }
}
