import TriageCore
import Yams

extension RulesParser {
    static let ruleKeys = ["id", "version", "description", "when", "decision", "action", "task", "params", "mode"]

    /// Parses one rule; nil when it has problems (all of them are reported).
    mutating func parseRule(_ node: Node) -> Rule? {
        guard let mapping = node.mapping else {
            add(at: node.mark, "a rule must be a mapping with id, version, when, decision and action")
            return nil
        }
        let line = node.mark?.line ?? 1
        let id = requiredText(mapping, "id", at: node.mark, in: "rule at line \(line)")
        let context = id.map { "rule \"\($0)\"" } ?? "rule at line \(line)"
        checkKeys(mapping, allowed: Self.ruleKeys, in: context)
        let version = parseRuleVersion(mapping["version"], in: context)
        let decision = mapping["decision"].flatMap { parseEnum(DecisionType.self, $0, name: "decision", in: context) }
        if mapping["decision"] == nil { add(at: node.mark, "missing field \"decision\"", in: context) }
        let action = parseAction(mapping, decision: decision, at: node.mark, in: context)
        let task = parseTask(mapping["task"], action: action, at: node.mark, in: context)
        let mode = parseMode(mapping["mode"], decision: decision, at: node.mark, in: context)
        let params = parseParams(mapping["params"], action: action, in: context)
        let conditions = parseWhen(mapping["when"], in: context)
        guard let id, let version, let decision, let action, let mode, let params, let conditions,
            action != .queueAI || task != nil
        else { return nil }
        return Rule(
            id: id, version: version, conditions: conditions, decision: decision, action: action, task: task,
            mode: mode, params: params, line: line)
    }

    private mutating func parseRuleVersion(_ node: Node?, in context: String) -> Int? {
        guard let node else { return 1 }
        guard let version = integer(node), version >= 1 else {
            add(at: node.mark, "version must be a whole number ≥ 1", in: context)
            return nil
        }
        return version
    }

    /// The action, checked against the decision; escalated, unstructured and judgment rules have a default.
    private mutating func parseAction(
        _ mapping: Node.Mapping, decision: DecisionType?, at mark: Mark?, in context: String
    ) -> RuleAction? {
        guard let node = mapping["action"] else {
            guard let decision else { return nil }
            switch decision {
            case .binary:
                let expected = RuleAction.valid(for: .binary).map(\.rawValue).joined(separator: ", ")
                add(at: mark, "missing field \"action\" (expected \(expected))", in: context)
                return nil
            case .escalated: return .escalate
            case .unstructured: return .queueAI
            case .judgment: return RuleAction.none
            }
        }
        guard let action = parseEnum(RuleAction.self, node, name: "action", in: context) else { return nil }
        if let decision, action.decisionType != decision {
            let expected = RuleAction.valid(for: decision).map(\.rawValue).joined(separator: ", ")
            add(
                at: node.mark,
                "action \"\(action.rawValue)\" is not valid for decision \"\(decision.rawValue)\" "
                    + "(expected \(expected))", in: context)
            return nil
        }
        return action
    }

    private mutating func parseTask(_ node: Node?, action: RuleAction?, at mark: Mark?, in context: String)
        -> AITask?
    {
        guard action == .queueAI else {
            if let node { add(at: node.mark, "task applies only to action \"queue_ai\"", in: context) }
            return nil
        }
        guard let node else {
            let expected = AITask.allCases.map(\.rawValue).joined(separator: ", ")
            add(at: mark, "missing field \"task\" for queue_ai (expected \(expected))", in: context)
            return nil
        }
        return parseEnum(AITask.self, node, name: "task", in: context)
    }

    /// Binary rules must say how far they are trusted; other rules default to gated. AI work is never `auto`:
    /// no AI suggestion is executed without a reviewer.
    private mutating func parseMode(_ node: Node?, decision: DecisionType?, at mark: Mark?, in context: String)
        -> RuleMode?
    {
        guard let node else {
            guard decision == .binary else { return .gated }
            add(at: mark, "binary rule has no mode (expected shadow, gated, auto)", in: context)
            return nil
        }
        let mode = parseEnum(RuleMode.self, node, name: "mode", in: context)
        guard mode == .auto, decision == .unstructured else { return mode }
        add(
            at: node.mark,
            "mode \"auto\" is not allowed for decision \"unstructured\": AI suggestions are never executed without "
                + "a reviewer (expected shadow, gated)", in: context)
        return nil
    }

    private mutating func parseParams(_ node: Node?, action: RuleAction?, in context: String)
        -> [String: JSONValue]?
    {
        guard let node else { return [:] }
        guard let mapping = node.mapping else {
            add(at: node.mark, "params must be a mapping of name to value", in: context)
            return nil
        }
        let allowed = action?.allowedParameters ?? [:]
        var params: [String: JSONValue] = [:]
        var valid = true
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            valid = checkParameter(key, value, allowed: allowed, action: action, in: context) && valid
            params[name] = Self.json(value)
        }
        return valid ? params : nil
    }

    private mutating func checkParameter(
        _ key: Node, _ value: Node, allowed: [String: ParameterKind], action: RuleAction?, in context: String
    ) -> Bool {
        let name = key.scalar?.string ?? ""
        guard let kind = allowed[name] else {
            let known = allowed.keys.sorted().joined(separator: ", ")
            let actionName = action?.rawValue ?? "this action"
            let expected = known.isEmpty ? "\(actionName) takes no params" : "expected \(known)"
            add(at: key.mark, "unknown param \"\(name)\" (\(expected))", in: context)
            return false
        }
        guard kind.accepts(Self.json(value)) else {
            add(at: value.mark, "param \"\(name)\" must be \(kind.expectation)", in: context)
            return false
        }
        return true
    }
}
