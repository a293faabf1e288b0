import Foundation
import Testing
import TriageCore
import TriageStore

@testable import TriageRules

@Suite("RoutingService", .timeLimit(.minutes(3)))
struct RoutingServiceTests {
    let now = Samples.start.addingTimeInterval(Samples.day)

    static func rules(paymentMode: RuleMode) -> String {
        """
        version: 1
        teams: { payment_drift: payments-desk }
        rules:
          - id: payment-sync
            version: 2
            when: { kind: payment_drift, source: gateway }
            decision: binary
            action: release_or_cancel_payment
            mode: \(paymentMode.rawValue)
          - id: inventory
            when: { kind: inventory_drift }
            decision: binary
            action: reconcile_inventory
            mode: auto
          - id: invoices
            when: { kind: supplier_invoice }
            decision: unstructured
            action: queue_ai
            task: invoice
          - id: connectors
            when: { kind: integration_failure }
            decision: escalated
        """
    }

    /// A fresh in-memory database with the retail fixtures and a service over it.
    func service(paymentMode: RuleMode = .auto) throws -> (RoutingService, AppDatabase) {
        let database = try AppDatabase.inMemory()
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let results = try ReferenceLoader(database: database).load(directory: fixtures.appendingPathComponent("retail"))
        let rejected = results.flatMap(\.errors)
        #expect(rejected.isEmpty, "\(rejected)")
        let table = try RoutingTable.parse(yaml: Self.rules(paymentMode: paymentMode))
        return (RoutingService(table: table, store: database), database)
    }

    func capturedDrift(event: String = "evt-1", order: String = "100231") -> NewException {
        Samples.exception(
            .paymentDrift, source: "gateway", event: event, orderNumber: order,
            payload: ["gateway_status": "captured", "amount": "48.48", "currency": "USD", "payment_id": "pay-1"])
    }

    func orderStatus(_ number: String, in database: AppDatabase) async throws -> String? {
        try await database.routingTransaction { try $0.order(number: number)?.status }
    }

    @Test func autoModeExecutesThePlanAndResolvesTheCard() async throws {
        let (service, database) = try service(paymentMode: .auto)
        let summary = try await service.ingest([capturedDrift()], now: now)
        let card = try #require(try database.card(exceptionID: 1)?.card)
        #expect(card.status == .autoResolved && card.decisionType == .binary)
        #expect(
            card.rule
                == RuleOutcome(ruleID: "payment-sync", ruleVersion: 2, mode: .auto, action: "release_or_cancel_payment")
        )
        #expect(card.team == "payments-desk")
        #expect(card.amountAtStake == Money(cents: 4848))
        await #expect(try orderStatus("100231", in: database) == "released")
        let messages = try database.outboxMessages()
        #expect(messages.map(\.messageType) == ["order.release"])
        #expect(summary.executed == 1 && summary.byStatus == [.autoResolved: 1])
    }

    @Test func gatedModePrefillsThePlanWithoutExecutingIt() async throws {
        let (service, database) = try service(paymentMode: .gated)
        _ = try await service.ingest([capturedDrift()], now: now)
        let card = try #require(try database.card(exceptionID: 1)?.card)
        #expect(card.status == .awaitingConfirmation && card.decisionType == .binary)
        #expect(card.plan?.action == "release_order")
        await #expect(try orderStatus("100231", in: database) == "pending_payment")
        #expect(try database.outboxMessages().isEmpty)
    }

    @Test func shadowModeRecordsThePlanOnAnOpenJudgmentCard() async throws {
        let (service, database) = try service(paymentMode: .shadow)
        _ = try await service.ingest([capturedDrift()], now: now)
        let card = try #require(try database.card(exceptionID: 1)?.card)
        #expect(card.status == .open && card.decisionType == .judgment)
        #expect(card.rule?.mode == .shadow && card.plan?.action == "release_order")
        #expect(card.summary.hasPrefix("Shadow rule payment-sync would:"))
        await #expect(try orderStatus("100231", in: database) == "pending_payment")
        #expect(try database.outboxMessages().isEmpty)
    }

    @Test func actionThatCannotDecideOpensAJudgmentCardWithTheReason() async throws {
        let (service, database) = try service(paymentMode: .auto)
        _ = try await service.ingest([capturedDrift(order: "999")], now: now)
        let card = try #require(try database.card(exceptionID: 1)?.card)
        #expect(card.status == .open && card.decisionType == .judgment && card.plan == nil)
        #expect(card.summary == "Rule payment-sync cannot decide: order #999 is not in the store")
        #expect(try database.outboxMessages().isEmpty)
    }

    @Test func unstructuredExceptionWaitsForTheWorkerAndIsQueued() async throws {
        let (service, database) = try service()
        _ = try await service.ingest([Samples.exception(.supplierInvoice, source: "ap_inbox", event: "inv-1")], now: now)
        let card = try #require(try database.card(exceptionID: 1)?.card)
        #expect(card.status == .awaitingWorker && card.decisionType == .unstructured)
        #expect(card.summary == "Waiting for the AI worker" && card.team == "finance")
        #expect(try database.counts()["ai_jobs"] == 1)
    }

    @Test func integrationFailureEscalatesWithErrorContextAndOccurrences() async throws {
        let (service, database) = try service()
        let failures = (1...2).map { index in
            Samples.exception(
                .integrationFailure, source: "connector", event: "f-\(index)", reason: "timeout",
                payload: ["connector": "erp-sync", "error": "timeout", "endpoint": "/stock", "message": "timed out"])
        }
        _ = try await service.ingest(failures, now: now)
        let card = try #require(try database.card(exceptionID: 2)?.card)
        #expect(card.decisionType == .escalated && card.status == .open && card.team == "engineering")
        #expect(card.details["occurrences"] == 2 && card.details["connector"] == "erp-sync")
        #expect(card.summary == "erp-sync: timeout at /stock (2 occurrences)")
    }

    @Test func unmatchedExceptionGetsAJudgmentCard() async throws {
        let (service, database) = try service()
        _ = try await service.ingest([Samples.exception(.warrantyClaim, source: "mail", event: "m-1")], now: now)
        let card = try #require(try database.card(exceptionID: 1)?.card)
        #expect(card.decisionType == .judgment && card.status == .open && card.rule == nil)
        #expect(card.summary == "No rule matched; a person decides")
    }

    @Test func replayingABatchCountsDuplicatesAndSendsNothingTwice() async throws {
        let (service, database) = try service(paymentMode: .auto)
        let batch = [
            capturedDrift(), Samples.exception(.inventoryDrift, source: "wms", event: "i-1", payload: ["sku": "MUG-1"]),
        ]
        let first = try await service.ingest(batch, now: now)
        let second = try await service.ingest(batch, now: now)
        #expect(first.inserted == 2 && first.duplicates == 0)
        #expect(second.received == 2 && second.inserted == 0 && second.duplicates == 2)
        #expect(try database.outboxMessages().count == 3)
        #expect(try database.counts()["cards"] == 2)
    }

    @Test func summaryCountsPerKindDecisionAndStatus() async throws {
        let (service, _) = try service(paymentMode: .gated)
        let batch = [
            capturedDrift(),
            Samples.exception(.supplierInvoice, event: "inv-1"),
            Samples.exception(.supplierInvoice, event: "inv-2"),
            Samples.exception(.warrantyClaim, event: "w-1"),
        ]
        let summary = try await service.ingest(batch, now: now)
        #expect(summary.byKind == [.paymentDrift: 1, .supplierInvoice: 2, .warrantyClaim: 1])
        #expect(summary.byDecision == [.binary: 1, .unstructured: 2, .judgment: 1])
        #expect(summary.byStatus == [.awaitingConfirmation: 1, .awaitingWorker: 2, .open: 1])
        #expect(summary.description.contains("by kind: payment_drift 1, supplier_invoice 2, warranty_claim 1"))
    }

    @Test func inventoryReconciledInAutoModeUpdatesTheStoredCounts() async throws {
        let (service, database) = try service()
        _ = try await service.ingest(
            [Samples.exception(.inventoryDrift, source: "wms", event: "i-1", payload: ["sku": "MUG-1"])], now: now)
        let counts = try await database.routingTransaction { try $0.inventory(sku: "MUG-1") }
        #expect(Set(counts.map(\.quantity)) == [10])
        #expect(try database.outboxMessages().map(\.targetSystem).sorted() == ["erp", "storefront"])
    }
}
