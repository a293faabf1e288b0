import TriageCore
import Yams

/// Walks a rules file's YAML nodes, collecting every problem with its line and column instead of stopping
/// at the first, and builds the routing table when there are none.
struct RulesParser {
    /// The file's name, for problems.
    let file: String
    /// Every problem found so far.
    private(set) var problems: [RuleProblem] = []

    init(file: String) {
        self.file = file
    }

    /// Parses the whole file; returns a table that is only usable when `problems` is empty.
    mutating func parse(yaml: String) -> RoutingTable? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            report(yamlError: error)
            return nil
        }
        guard let root, let mapping = root.mapping else {
            add(at: root?.mark, "expected a mapping with version, teams and rules")
            return nil
        }
        checkKeys(mapping, allowed: ["version", "teams", "review", "rules"], in: nil)
        let version = parseFileVersion(mapping["version"], at: root.mark)
        let teams = parseTeams(mapping["teams"])
        let review = parseReview(mapping["review"])
        let rules = parseRules(mapping["rules"], at: root.mark)
        return RoutingTable(version: version, rules: rules, teams: teams, review: review, file: file)
    }

    /// Records a problem at a position; `context` (e.g. `rule "x"`) prefixes the message.
    mutating func add(at mark: Mark?, _ message: String, in context: String? = nil) {
        let text = context.map { "\($0): \(message)" } ?? message
        problems.append(RuleProblem(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: text))
    }

    /// Reports unknown and repeated keys of a mapping.
    mutating func checkKeys(_ mapping: Node.Mapping, allowed: [String], in context: String?) {
        var seen: Set<String> = []
        for (key, _) in mapping {
            let name = key.scalar?.string ?? ""
            if !allowed.contains(name) {
                let expected = allowed.joined(separator: ", ")
                add(at: key.mark, "unknown key \"\(name)\" (expected \(expected))", in: context)
            } else if !seen.insert(name).inserted {
                add(at: key.mark, "duplicate key \"\(name)\"", in: context)
            }
        }
    }

    private mutating func report(yamlError error: any Error) {
        switch error {
        case YamlError.scanner(_, let problem, let mark, _), YamlError.parser(_, let problem, let mark, _),
            YamlError.composer(_, let problem, let mark, _):
            add(at: mark, "invalid YAML: \(problem)")
        default:
            add(at: nil, "invalid YAML: \(error)")
        }
    }

    private mutating func parseFileVersion(_ node: Node?, at mark: Mark?) -> Int {
        guard let node else {
            add(at: mark, "missing field \"version\" (expected version: 1)")
            return 1
        }
        guard let version = integer(node), version == 1 else {
            add(at: node.mark, "unsupported version \"\(node.scalar?.string ?? "")\" (expected 1)")
            return 1
        }
        return version
    }

    private mutating func parseTeams(_ node: Node?) -> [ExceptionKind: String] {
        guard let node else { return [:] }
        guard let mapping = node.mapping else {
            add(at: node.mark, "teams must map an exception kind to a team")
            return [:]
        }
        var teams: [ExceptionKind: String] = [:]
        for (key, value) in mapping {
            let kind = parseEnum(ExceptionKind.self, key, name: "kind", in: "teams")
            let team = nonEmptyText(value, name: "team", in: "teams")
            if let kind, let team { teams[kind] = team }
        }
        return teams
    }

    private mutating func parseRules(_ node: Node?, at mark: Mark?) -> [Rule] {
        guard let node else {
            add(at: mark, "missing field \"rules\"")
            return []
        }
        guard let sequence = node.sequence else {
            add(at: node.mark, "rules must be a list of rules")
            return []
        }
        var firstLine: [String: Int] = [:]
        var rules: [Rule] = []
        for item in sequence {
            let rule = parseRule(item)
            guard let idNode = item.mapping?["id"], let id = idNode.scalar?.string else { continue }
            if let line = firstLine[id] {
                add(at: idNode.mark, "duplicate rule id \"\(id)\" (first at line \(line))")
            } else {
                firstLine[id] = item.mark?.line ?? 1
                if let rule { rules.append(rule) }
            }
        }
        return rules
    }
}
