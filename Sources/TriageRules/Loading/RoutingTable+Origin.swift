import Foundation
import TriageCore

extension RoutingTable {
    /// Loads the routing table from `origin`: a file, or the compiled-in `rules.yaml`.
    public static func load(from origin: ConfigurationOrigin) throws(RulesLoadError) -> RoutingTable {
        guard let path = origin.path else { return try parse(yaml: embeddedYAML, file: "rules.yaml (built-in)") }
        guard FileManager.default.fileExists(atPath: path) else {
            let problem = RuleProblem(file: path, line: 1, column: 1, message: "rules file not found: \(path)")
            throw RulesLoadError(file: path, problems: [problem])
        }
        return try load(contentsOf: URL(fileURLWithPath: path))
    }

    /// The text of the table at `origin`, as it is read (for `triage rules show`).
    public static func text(at origin: ConfigurationOrigin) throws -> String {
        guard let path = origin.path else { return embeddedYAML }
        return try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
    }
}
