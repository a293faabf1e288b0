import Foundation
import Yams

/// Walks `outbox.yaml`'s nodes, collecting every problem with its line, column and field.
struct OutboxConfigurationParser {
    let file: String
    let environment: [String: String]
    private(set) var problems: [OutboxConfigurationProblem] = []

    init(file: String, environment: [String: String]) {
        self.file = file
        self.environment = environment
    }

    /// The endpoint per system; only usable when `problems` is empty.
    mutating func parse(yaml: String) -> [String: OutboxEndpoint] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            report(yamlError: error)
            return [:]
        }
        guard let mapping = root?.mapping else {
            add(at: root?.mark, "expected a mapping with \"systems\"")
            return [:]
        }
        checkKeys(mapping, allowed: ["systems"], field: nil)
        guard let systems = mapping["systems"] else {
            add(at: root?.mark, "missing field \"systems\"")
            return [:]
        }
        guard let entries = systems.mapping, !entries.isEmpty else {
            add(at: systems.mark, "systems: expected a mapping of system name to {url, headers}")
            return [:]
        }
        var endpoints: [String: OutboxEndpoint] = [:]
        for (key, value) in entries {
            let name = key.scalar?.string ?? ""
            if let endpoint = parseSystem(value, key: key, field: "systems.\(name)") { endpoints[name] = endpoint }
        }
        return endpoints
    }

    private mutating func parseSystem(_ node: Node, key: Node, field: String) -> OutboxEndpoint? {
        guard let mapping = node.mapping else {
            add(at: node.mark, "\(field): expected a mapping with url and optional headers")
            return nil
        }
        checkKeys(mapping, allowed: ["url", "headers"], field: field)
        guard let urlNode = mapping["url"] else {
            add(at: key.mark, "\(field): missing field \"url\"")
            return nil
        }
        let text = urlNode.scalar?.string ?? ""
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased()), url.host != nil else {
            add(at: urlNode.mark, "\(field).url: expected an http(s) URL, got \"\(text)\"")
            return nil
        }
        let headers = mapping["headers"].map { parseHeaders($0, field: "\(field).headers") } ?? [:]
        return OutboxEndpoint(url: url, headers: headers)
    }

    /// Header name → environment variable name; the variable's value is the header's value.
    private mutating func parseHeaders(_ node: Node, field: String) -> [String: String] {
        guard let mapping = node.mapping else {
            add(at: node.mark, "\(field): expected a mapping of header name to environment variable name")
            return [:]
        }
        var headers: [String: String] = [:]
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            let variable = value.scalar?.string ?? ""
            guard variable.range(of: #"^[A-Za-z_][A-Za-z0-9_]*$"#, options: .regularExpression) != nil else {
                add(at: value.mark, "\(field).\(name): expected the name of an environment variable holding the value")
                continue
            }
            guard let secret = environment[variable], !secret.isEmpty else {
                add(at: value.mark, "\(field).\(name): environment variable \(variable) is not set")
                continue
            }
            headers[name] = secret
        }
        return headers
    }

    private mutating func checkKeys(_ mapping: Node.Mapping, allowed: [String], field: String?) {
        for (key, _) in mapping {
            let name = key.scalar?.string ?? ""
            guard !allowed.contains(name) else { continue }
            let prefix = field.map { "\($0): " } ?? ""
            add(at: key.mark, "\(prefix)unknown key \"\(name)\" (expected \(allowed.joined(separator: ", ")))")
        }
    }

    private mutating func add(at mark: Mark?, _ message: String) {
        problems.append(.init(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message))
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
}
