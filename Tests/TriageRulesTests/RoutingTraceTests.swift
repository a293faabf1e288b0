import Foundation
import Testing
import TriageCore

@testable import TriageRules

@Suite("RoutingTrace")
struct RoutingTraceTests {
    let table: RoutingTable

    init() throws {
        table = try RoutingTable.parse(yaml: RoutingTableEvaluationTests.table)
    }

    @Test func explainListsEveryRuleTriedUpToTheMatch() throws {
        let record = Samples.record(.returnRequest, orderNumber: "100231", id: 42)
        let trace = try #require(table.explain(record).trace)
        #expect(trace.exceptionID == 42)
        #expect(trace.attempts.map(\.ruleID) == ["big-payments", "payments", "returns-with-order"])
        #expect(trace.attempts.map(\.matched) == [false, false, true])
        #expect(trace.matchedRuleID == "returns-with-order")
    }

    @Test func eachConditionRecordsFieldOpExpectedActualAndResult() throws {
        let record = Samples.record(.paymentDrift, payload: ["amount": "12.50"])
        let trace = try #require(table.explain(record).trace)
        let first = try #require(trace.attempts.first)
        #expect(
            first.conditions == [
                ConditionResult(
                    field: "kind", op: "eq", expected: "payment_drift", actual: "payment_drift", passed: true),
                ConditionResult(field: "amount", op: "gte", expected: "1000", actual: "12.50", passed: false),
            ])
    }

    @Test func failedRuleStillShowsEveryCondition() throws {
        let record = Samples.record(.warrantyClaim, payload: ["amount": "1"])
        let trace = try #require(table.explain(record).trace)
        #expect(trace.attempts.first?.conditions.count == 2)
        #expect(trace.attempts.count == table.rules.count)
        #expect(trace.matchedRuleID == nil)
    }

    @Test func absentFieldIsShownAsAbsent() throws {
        let record = Samples.record(.returnRequest)
        let attempt = try #require(table.explain(record).trace?.attempts.first { $0.ruleID == "returns-with-order" })
        let orderCondition = try #require(attempt.conditions.last)
        #expect(orderCondition.field == "has_order_number" && orderCondition.op == "exists")
        #expect(orderCondition.actual == nil && !orderCondition.passed)
        #expect(orderCondition.rendered() == "✗ has_order_number exists  (actual: absent)")
    }

    @Test func fastRouteRecordsNoTrace() {
        #expect(table.route(Samples.record(.paymentDrift)).trace == nil)
    }

    @Test func renderingShowsRulesConditionsAndDecision() {
        let text = table.explain(Samples.record(.integrationFailure, reason: "timeout", id: 7)).rendered()
        #expect(text.contains("exception 7"))
        #expect(text.contains(#"rule "big-payments" (line 3): no match"#))
        #expect(text.contains("✗ kind eq payment_drift  (actual: integration_failure)"))
        #expect(text.contains(#"rule "connector" (line 23): matched"#))
        #expect(text.contains("✓ reason in [timeout, http_500]  (actual: timeout)"))
        #expect(text.hasSuffix("decision: escalated, action: escalate, rule: connector v1"))
    }

    @Test func renderingSaysWhenNoRuleMatched() {
        let text = table.explain(Samples.record(.supplierInvoice)).rendered()
        #expect(text.contains("no rule matched: judgment card"))
    }
}
