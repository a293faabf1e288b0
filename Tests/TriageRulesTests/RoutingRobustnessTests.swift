import Foundation
import Testing
import TriageCore
import TriageStore
import TriageTestSupport

@testable import TriageRules

/// Issue 11: no payload can trap routing, and one row routing cannot handle never blocks the rows behind it.
@Suite("Routing robustness", .timeLimit(.minutes(3)))
struct RoutingRobustnessTests {
    let now = Samples.start.addingTimeInterval(Samples.day)

    static let rules = """
        version: 1
        rules:
          - id: payment-sync
            when: { kind: payment_drift }
            decision: binary
            action: release_or_cancel_payment
            mode: auto
          - id: refunds
            when: { kind: return_request }
            decision: binary
            action: refund_return
            mode: auto
          - id: inventory
            when: { kind: inventory_drift }
            decision: binary
            action: reconcile_inventory
            mode: auto
            params: { tolerance: 1e300, tolerance_percent: 1e300 }
        """

    func database() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        _ = try ReferenceLoader(database: database).load(directory: fixtures.appendingPathComponent("retail"))
        return database
    }

    func drift(_ event: String, order: String = "100231", amount: JSONValue) -> NewException {
        Samples.exception(
            .paymentDrift, source: "gateway", event: event, orderNumber: order,
            payload: ["gateway_status": "captured", "amount": amount, "currency": "USD", "total": amount])
    }

    @Test("a huge or non-finite amount opens a judgment card that says why", arguments: [
        JSONValue.number(1e300), .number(9.3e16), .string("12345678901234567"), .string("9000000000000000000"),
        .string("-99999999999999999999"), .number(-1e300),
    ])
    func hugeAmountIsNamedOnTheCard(_ amount: JSONValue) async throws {
        let database = try database()
        let service = RoutingService(table: try RoutingTable.parse(yaml: Self.rules), store: database)
        _ = try await service.ingest([drift("e1", amount: amount)], now: now)
        let card = try #require(try database.card(exceptionID: 1)?.card)
        #expect(card.status == .open && card.decisionType == .judgment)
        #expect(card.summary.contains("amount") && card.summary.contains("out of range"), "\(card.summary)")
        #expect(card.amountAtStake == nil)
        #expect(try database.outboxMessages().isEmpty)
    }

    @Test func hugeRefundAmountOrQuantityOpensAJudgmentCard() async throws {
        let items: JSONValue = [["sku": "TEE-1", "qty": 1]]
        let huge: JSONValue = [["sku": "TEE-1", "qty": .number(1e300)]]
        // Each in its own database: a second return for the same order would join the first one's open card.
        let first = try await routedReturnCard(payload: ["items": items, "refund_amount": .string("99999999999999999999")])
        #expect(first.summary.contains("refund_amount") && first.summary.contains("out of range"), "\(first.summary)")
        let second = try await routedReturnCard(payload: ["items": huge])
        #expect(second.status == .open && second.summary.contains("quantity"), "\(second.summary)")
    }

    private func routedReturnCard(payload: [String: JSONValue]) async throws -> NewCard {
        let database = try database()
        let service = RoutingService(table: try RoutingTable.parse(yaml: Self.rules), store: database)
        _ = try await service.ingest(
            [Samples.exception(.returnRequest, event: "r1", orderNumber: "100233", payload: payload)], now: now)
        return try #require(try database.card(exceptionID: 1)?.card)
    }

    @Test func hugeToleranceInTheRulesFileDoesNotTrap() async throws {
        let database = try database()
        let service = RoutingService(table: try RoutingTable.parse(yaml: Self.rules), store: database)
        _ = try await service.ingest(
            [Samples.exception(.inventoryDrift, source: "wms", event: "i1", payload: ["sku": "MUG-1"])], now: now)
        #expect(try database.card(exceptionID: 1) != nil)
    }

    @Test func aRowThatCannotBeRoutedBecomesAnEscalatedCardAndTheRestAreRouted() async throws {
        let database = try database()
        let store = FailingStore(inner: database, poisonOrder: "666")
        let service = RoutingService(table: try RoutingTable.parse(yaml: Self.rules), store: store)
        let summary = try await service.ingest(
            [drift("e1", order: "666", amount: "48.48"), drift("e2", amount: "48.48")], now: now)
        #expect(summary.inserted == 2)
        let poisoned = try #require(try database.card(exceptionID: 1)?.card)
        #expect(poisoned.decisionType == .escalated && poisoned.status == .open)
        #expect(poisoned.summary.contains("could not be routed") && poisoned.summary.contains("row cannot be decoded"))
        let next = try #require(try database.card(exceptionID: 2)?.card)
        #expect(next.status == .autoResolved)
    }
}
