import Foundation
import Testing
import TriageCore

@testable import TriageRules

@Suite("RoutingTable loading")
struct RoutingTableLoadingTests {
    static let valid = """
        version: 1
        teams:
          payment_drift: payments-team
        rules:
          - id: pay-release
            version: 3
            when:
              kind: [payment_drift]
              source: gateway
              fields:
                - { field: amount, op: gt, value: 0 }
                - { field: payment_id, op: matches, value: "^pay-" }
            decision: binary
            action: release_or_cancel_payment
            mode: auto
          - id: inventory
            version: 1
            when: { kind: inventory_drift }
            decision: binary
            action: reconcile_inventory
            params: { tolerance: 3, tolerance_percent: 2.5 }
            mode: shadow
          - id: invoices
            version: 1
            when: { kind: supplier_invoice }
            decision: unstructured
            action: queue_ai
            task: invoice
        """

    @Test func validFileLoadsEveryRuleInOrder() throws {
        let table = try RoutingTable.parse(yaml: Self.valid, file: "rules.yaml")
        #expect(table.rules.map(\.id) == ["pay-release", "inventory", "invoices"])
        let first = try #require(table.rules.first)
        #expect(first.version == 3 && first.mode == .auto && first.action == .releaseOrCancelPayment)
        #expect(first.conditions.map(\.label) == ["kind", "source", "amount", "payment_id"])
        #expect(first.line == 5)
        #expect(table.rules[1].params == ["tolerance": 3, "tolerance_percent": 2.5])
        #expect(table.rules[2].task == .invoice)
    }

    @Test func teamsFromTheFileOverrideTheDefaults() throws {
        let table = try RoutingTable.parse(yaml: Self.valid)
        #expect(table.team(for: .paymentDrift) == "payments-team")
        #expect(table.team(for: .integrationFailure) == "engineering")
    }

    @Test func shippedRulesFileLoadsWithoutProblems() throws {
        let url = Samples.repositoryRoot.appendingPathComponent("rules.yaml")
        let table = try RoutingTable.load(contentsOf: url)
        #expect(table.rules.count >= 8)
        #expect(table.file == "rules.yaml")
    }

    @Test func shippedRulesFileRoutesEveryKindToARule() throws {
        let table = try RoutingTable.load(contentsOf: Samples.repositoryRoot.appendingPathComponent("rules.yaml"))
        let samples: [(ExceptionRecord, String)] = [
            (
                Samples.record(
                    .paymentDrift, source: "gateway", orderNumber: "1", payload: ["gateway_status": "captured"]),
                "payment-drift-sync"
            ),
            (Samples.record(.addressHold, reason: "postcode_format", orderNumber: "1"), "address-postcode-format"),
            (Samples.record(.addressHold, reason: "address_incomplete", orderNumber: "1"), "address-incomplete"),
            (Samples.record(.inventoryDrift, payload: ["sku": "A"]), "inventory-small-drift"),
            (Samples.record(.returnRequest, orderNumber: "1"), "return-with-order"),
            (Samples.record(.returnRequest), "return-without-order"),
            (Samples.record(.supplierInvoice), "supplier-invoice"),
            (Samples.record(.warrantyClaim), "warranty-email"),
            (Samples.record(.integrationFailure), "integration-failure"),
        ]
        for (record, ruleID) in samples {
            #expect(table.route(record).rule?.id == ruleID, "\(record.exception.kind)")
        }
    }

    @Test func unreadableFileIsReportedAsAProblem() {
        let url = URL(fileURLWithPath: "/nonexistent/rules.yaml")
        #expect(throws: RulesLoadError.self) { try RoutingTable.load(contentsOf: url) }
    }

    @Test func problemsPrintAsFileLineColumnMessage() {
        let problems = RoutingTable.problems(inYAML: Self.rule(mode: "    mode: autoo"), file: "rules.yaml")
        #expect(
            problems.map(\.description) == [
                #"rules.yaml:9:11: rule "pay-release": unknown mode "autoo" (expected shadow, gated, auto)"#
            ])
    }

    @Test func everyProblemInTheFileIsReported() {
        let yaml = """
            version: 1
            rules:
              - id: a
                decision: binary
                action: refund_return
                mode: sometimes
              - id: b
                decision: judgment
                colour: red
              - id: a
                decision: escalated
            """
        let problems = RoutingTable.problems(inYAML: yaml)
        #expect(problems.map(\.line) == [6, 9, 10])
    }

    /// A one-rule file whose line 9 is `modeLine`; the other lines can be replaced to inject an error.
    static func rule(
        when: String = "      kind: payment_drift", decision: String = "    decision: binary",
        action: String = "    action: release_or_cancel_payment", mode: String = "    mode: auto",
        extra: String = ""
    ) -> String {
        """
        version: 1
        rules:
          - id: pay-release
            version: 1
            when:
        \(when)
        \(decision)
        \(action)
        \(mode)
        \(extra)
        """
    }
}
