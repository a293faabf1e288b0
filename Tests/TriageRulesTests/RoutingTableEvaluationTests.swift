import Foundation
import Testing
import TriageCore

@testable import TriageRules

/// One condition, a payload value and whether the condition must pass.
struct OperatorCase: Sendable, CustomTestStringConvertible {
    let condition: String
    let actual: JSONValue?
    let passes: Bool

    var testDescription: String { "\(condition) with \(actual.map { "\($0)" } ?? "absent") → \(passes)" }
}

@Suite("RoutingTable evaluation")
struct RoutingTableEvaluationTests {
    static let table = """
        version: 1
        rules:
          - id: big-payments
            when:
              kind: payment_drift
              fields: [{ field: amount, op: gte, value: 1000 }]
            decision: judgment
          - id: payments
            when: { kind: payment_drift }
            decision: binary
            action: release_or_cancel_payment
            mode: gated
          - id: returns-with-order
            when: { kind: return_request, has_order_number: true }
            decision: binary
            action: refund_return
            mode: shadow
          - id: returns-without-order
            when: { kind: return_request, has_order_number: false }
            decision: unstructured
            action: queue_ai
            task: return_match
          - id: connector
            when: { kind: integration_failure, reason: [timeout, http_500] }
            decision: escalated
        """

    @Test func firstMatchingRuleWins() throws {
        let table = try RoutingTable.parse(yaml: Self.table)
        let big = table.route(Samples.record(.paymentDrift, payload: ["amount": "1500.00"]))
        let small = table.route(Samples.record(.paymentDrift, payload: ["amount": "15.00"]))
        #expect(big.rule?.id == "big-payments" && big.decisionType == .judgment && big.mode == nil)
        #expect(small.rule?.id == "payments" && small.decisionType == .binary && small.mode == .gated)
        #expect(small.action == .releaseOrCancelPayment)
    }

    @Test func hasOrderNumberSeparatesReturns() throws {
        let table = try RoutingTable.parse(yaml: Self.table)
        let with = table.route(Samples.record(.returnRequest, orderNumber: "100231"))
        let without = table.route(Samples.record(.returnRequest, orderNumber: ""))
        #expect(with.rule?.id == "returns-with-order" && with.mode == .shadow)
        #expect(without.rule?.id == "returns-without-order" && without.task == .returnMatch)
        #expect(without.decisionType == .unstructured && without.action == .queueAI)
    }

    @Test func unmatchedExceptionBecomesJudgmentWithoutRule() throws {
        let table = try RoutingTable.parse(yaml: Self.table)
        let decision = table.route(Samples.record(.integrationFailure, reason: "auth_401"))
        #expect(decision.rule == nil)
        #expect(decision.decisionType == .judgment && decision.action == RuleAction.none && decision.trace == nil)
    }

    static let operatorCases: [OperatorCase] = [
        .init(condition: "{ field: x, op: eq, value: 5 }", actual: "5.0", passes: true),
        .init(condition: "{ field: x, op: eq, value: abc }", actual: "abd", passes: false),
        .init(condition: #"{ field: x, op: eq, value: "02138" }"#, actual: "2138", passes: false),
        .init(condition: "{ field: x, op: ne, value: abc }", actual: "abd", passes: true),
        .init(condition: "{ field: x, op: ne, value: abc }", actual: "abc", passes: false),
        .init(condition: "{ field: x, op: in, value: [a, b] }", actual: "b", passes: true),
        .init(condition: "{ field: x, op: in, value: [a, b] }", actual: "c", passes: false),
        .init(condition: "{ field: x, op: in, value: [1, 2] }", actual: 2, passes: true),
        .init(condition: "{ field: x, op: not_in, value: [a, b] }", actual: "c", passes: true),
        .init(condition: "{ field: x, op: not_in, value: [a, b] }", actual: "a", passes: false),
        .init(condition: "{ field: x, op: gt, value: 10 }", actual: "12.5", passes: true),
        .init(condition: "{ field: x, op: gt, value: 10 }", actual: 10, passes: false),
        .init(condition: "{ field: x, op: gt, value: 10 }", actual: "many", passes: false),
        .init(condition: "{ field: x, op: gte, value: 10 }", actual: 10, passes: true),
        .init(condition: "{ field: x, op: lt, value: 10 }", actual: "9", passes: true),
        .init(condition: "{ field: x, op: lt, value: 10 }", actual: nil, passes: false),
        .init(condition: "{ field: x, op: lte, value: 10 }", actual: 10.5, passes: false),
        .init(condition: "{ field: x, op: exists }", actual: "v", passes: true),
        .init(condition: "{ field: x, op: exists }", actual: nil, passes: false),
        .init(condition: "{ field: x, op: exists }", actual: .null, passes: false),
        .init(condition: "{ field: x, op: missing }", actual: "", passes: true),
        .init(condition: "{ field: x, op: missing }", actual: "v", passes: false),
        .init(condition: #"{ field: x, op: matches, value: "^[0-9]{5}$" }"#, actual: "02138", passes: true),
        .init(condition: #"{ field: x, op: matches, value: "^[0-9]{5}$" }"#, actual: "9021O", passes: false),
    ]

    @Test(arguments: operatorCases)
    func operatorComparesTheField(_ testCase: OperatorCase) throws {
        let yaml =
            "version: 1\nrules:\n  - id: r\n    when: { fields: [\(testCase.condition)] }\n    decision: escalated\n"
        let table = try RoutingTable.parse(yaml: yaml)
        let payload: [String: JSONValue] = testCase.actual.map { ["x": $0] } ?? [:]
        let decision = table.route(Samples.record(.integrationFailure, payload: payload))
        #expect((decision.rule?.id == "r") == testCase.passes)
    }

    @Test func routeAndExplainAlwaysAgree() throws {
        let table = try RoutingTable.parse(yaml: Self.table)
        let records = [
            Samples.record(.paymentDrift, payload: ["amount": 2000]), Samples.record(.paymentDrift),
            Samples.record(.returnRequest, orderNumber: "1"), Samples.record(.returnRequest),
            Samples.record(.integrationFailure, reason: "http_500"), Samples.record(.warrantyClaim),
        ]
        for record in records {
            #expect(table.route(record).rule?.id == table.explain(record).rule?.id)
        }
    }
}
