import Foundation
import Testing
import TriageCore

@testable import TriageRules

/// One invalid rules file and where its one problem must be reported.
struct InvalidRulesCase: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String
    let line: Int
    let message: String

    var testDescription: String { name }
}

@Suite("RuleProblem reporting")
struct RulesProblemTests {
    typealias R = RoutingTableLoadingTests

    static let cases: [InvalidRulesCase] = [
        .init(
            name: "unknown key", yaml: R.rule(extra: "    priority: 3"), line: 10, message: #"unknown key "priority""#),
        .init(
            name: "unknown op", yaml: R.rule(when: "      fields: [{ field: amount, op: bigger, value: 1 }]"),
            line: 6, message: #"unknown op "bigger""#),
        .init(
            name: "unknown action", yaml: R.rule(action: "    action: refund_all"), line: 8,
            message: #"unknown action "refund_all""#),
        .init(
            name: "unknown mode", yaml: R.rule(mode: "    mode: autoo"), line: 9,
            message: #"rule "pay-release": unknown mode "autoo" (expected shadow, gated, auto)"#),
        .init(
            name: "unknown decision", yaml: R.rule(decision: "    decision: maybe"), line: 7,
            message: #"unknown decision "maybe""#),
        .init(
            name: "unknown kind", yaml: R.rule(when: "      kind: [payment_drift, paymnt_drift]"), line: 6,
            message: #"unknown kind "paymnt_drift""#),
        .init(
            name: "binary rule without mode", yaml: R.rule(mode: ""), line: 3,
            message: "binary rule has no mode"),
        .init(
            name: "missing decision", yaml: R.rule(decision: "", action: "", mode: ""), line: 3,
            message: #"missing field "decision""#),
        .init(
            name: "bad regex",
            yaml: R.rule(when: #"      fields: [{ field: payment_id, op: matches, value: "([a-" }]"#),
            line: 6, message: "bad regular expression"),
        .init(
            name: "action not valid for decision", yaml: R.rule(decision: "    decision: judgment"), line: 8,
            message: #"action "release_or_cancel_payment" is not valid for decision "judgment""#),
        .init(
            name: "numeric op without a number",
            yaml: R.rule(when: "      fields: [{ field: amount, op: gt, value: lots }]"),
            line: 6, message: #"op "gt" needs a number"#),
        .init(
            name: "unknown param", yaml: R.rule(extra: "    params: { speed: 3 }"), line: 10,
            message: #"unknown param "speed""#),
        .init(
            name: "queue_ai without task",
            yaml: R.rule(decision: "    decision: unstructured", action: "    action: queue_ai", mode: "    mode: gated"),
            line: 3, message: #"missing field "task""#),
        .init(
            name: "auto mode on AI work",
            yaml: R.rule(
                decision: "    decision: unstructured", action: "    action: queue_ai", extra: "    task: invoice"),
            line: 9, message: #"mode "auto" is not allowed for decision "unstructured""#),
        .init(name: "invalid YAML", yaml: "version: 1\nrules:\n  - id: [unclosed\n", line: 4, message: "invalid YAML"),
    ]

    @Test(arguments: cases)
    func problemIsReportedAtItsLine(_ testCase: InvalidRulesCase) throws {
        let problems = RoutingTable.problems(inYAML: testCase.yaml, file: "rules.yaml")
        let problem = try #require(problems.first, "no problem reported")
        #expect(problems.count == 1, "\(problems)")
        #expect(problem.line == testCase.line)
        #expect(problem.column >= 1)
        #expect(problem.file == "rules.yaml")
        #expect(problem.message.contains(testCase.message), "\(problem.message)")
    }

    @Test func duplicateRuleIDPointsAtTheSecondRule() {
        let rule = "  - { id: same, decision: escalated }"
        let problems = RoutingTable.problems(inYAML: "version: 1\nrules:\n\(rule)\n\(rule)\n")
        #expect(problems.count == 1)
        #expect(problems.first?.line == 4)
        #expect(problems.first?.message == #"duplicate rule id "same" (first at line 3)"#)
    }

    @Test func wrongFileVersionIsAProblem() {
        let problems = RoutingTable.problems(inYAML: "version: 2\nrules: []\n")
        #expect(problems.map(\.message) == [#"unsupported version "2" (expected 1)"#])
    }
}
