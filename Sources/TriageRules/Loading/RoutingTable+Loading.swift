import Foundation
import TriageCore

extension RoutingTable {
    /// Reads and validates a rules file; the error lists every problem with its line and column.
    public static func load(contentsOf url: URL) throws(RulesLoadError) -> RoutingTable {
        let name = url.lastPathComponent
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            let problem = RuleProblem(file: name, line: 1, column: 1, message: "cannot read the file: \(url.path)")
            throw RulesLoadError(file: name, problems: [problem])
        }
        return try parse(yaml: text, file: name)
    }

    /// Validates rules-file text; `file` names it in messages.
    public static func parse(yaml: String, file: String = "rules.yaml") throws(RulesLoadError) -> RoutingTable {
        var parser = RulesParser(file: file)
        let table = parser.parse(yaml: yaml)
        guard let table, parser.problems.isEmpty else {
            throw RulesLoadError(file: file, problems: parser.problems.sorted(by: RuleProblem.inFileOrder))
        }
        return table
    }

    /// Every problem in rules-file text, in file order; empty when the file is good (`triage rules check`).
    public static func problems(inYAML yaml: String, file: String = "rules.yaml") -> [RuleProblem] {
        do {
            _ = try parse(yaml: yaml, file: file)
            return []
        } catch {
            return error.problems
        }
    }
}

extension RuleProblem {
    /// Orders problems by line, then column.
    static func inFileOrder(_ lhs: RuleProblem, _ rhs: RuleProblem) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
