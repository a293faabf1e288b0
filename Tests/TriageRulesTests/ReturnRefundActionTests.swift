import Foundation
import Testing
import TriageCore

@testable import TriageRules

@Suite("ReturnRefundAction")
struct ReturnRefundActionTests {
    let action = ReturnRefundAction()
    let delivered = Samples.start.addingTimeInterval(2 * Samples.day)

    func returnRequest(_ items: JSONValue, daysAfterDelivery: Double = 10, refund: String? = nil) -> ExceptionRecord {
        var payload: [String: JSONValue] = ["items": items]
        if let refund { payload["refund_amount"] = .string(refund) }
        return Samples.record(
            .returnRequest, source: "returns_app", event: "evt-7", orderNumber: "100240",
            occurredAt: delivered.addingTimeInterval(daysAfterDelivery * Samples.day), payload: payload)
    }

    func lookup(status: String = "delivered", deliveredAt: Date? = nil, window: Int = 30) -> InMemoryLookup {
        var lookup = InMemoryLookup()
        let lines = [Samples.line("MUG-1", qty: 2, price: "24.24"), Samples.line("TEE-1", qty: 1, price: "15.00")]
        lookup.add(
            Samples.order("100240", status: status, total: "63.48", lines: lines, deliveredAt: deliveredAt ?? delivered)
        )
        lookup.products = [
            "MUG-1": Samples.product("MUG-1", returnWindowDays: window), "TEE-1": Samples.product("TEE-1"),
        ]
        return lookup
    }

    func reason(_ outcome: ActionOutcome) -> String? {
        if case .needsJudgment(let reason) = outcome { return reason }
        return nil
    }

    @Test func partialReturnRefundsUnitPriceTimesQuantityWithoutClosingTheOrder() throws {
        let plan = try #require(
            try action.plan(
                for: returnRequest([["sku": "MUG-1", "qty": 1]]), params: [:], lookup: lookup()
            ).plan)
        #expect(plan.action == "refund")
        #expect(
            plan.changes == [
                .refund(orderNumber: "100240", amount: Money(cents: 2424)),
                .returnedItems(orderNumber: "100240", quantities: ["MUG-1": 1]),
            ])
        #expect(plan.messages.map(\.targetSystem) == ["returns_app", "storefront"])
        #expect(plan.messages.map(\.messageType) == ["refund.issue", "order.refund"])
        #expect(plan.messages.first?.idempotencyKey == "refund:returns_app:evt-7:returns_app")
    }

    @Test func wholeOrderReturnMarksTheOrderRefunded() throws {
        let items: JSONValue = [["sku": "MUG-1", "qty": 1], ["sku": "TEE-1", "qty": 1], ["sku": "MUG-1", "qty": 1]]
        let plan = try #require(
            try action.plan(for: returnRequest(items, refund: "63.48"), params: [:], lookup: lookup()).plan)
        #expect(
            plan.changes == [
                .refund(orderNumber: "100240", amount: Money(cents: 6348)),
                .returnedItems(orderNumber: "100240", quantities: ["MUG-1": 2, "TEE-1": 1]),
                .orderStatus(orderNumber: "100240", status: "refunded"),
            ])
    }

    @Test func itemNotOnTheOrderNeedsJudgment() throws {
        let outcome = try action.plan(for: returnRequest([["sku": "HAT-1", "qty": 1]]), params: [:], lookup: lookup())
        #expect(reason(outcome) == "HAT-1 is not on order #100240")
    }

    @Test func moreThanOrderedNeedsJudgment() throws {
        let outcome = try action.plan(for: returnRequest([["sku": "MUG-1", "qty": 3]]), params: [:], lookup: lookup())
        #expect(reason(outcome) == "the return has 3 × MUG-1 but order #100240 has 2")
    }

    @Test func returnAfterTheWindowNeedsJudgment() throws {
        let outcome = try action.plan(
            for: returnRequest([["sku": "MUG-1", "qty": 1]], daysAfterDelivery: 31), params: [:], lookup: lookup())
        #expect(reason(outcome) == "the return of MUG-1 arrived 31 days after delivery; its window is 30 days")
    }

    @Test func returnOnTheLastDayOfTheWindowIsRefunded() throws {
        let outcome = try action.plan(
            for: returnRequest([["sku": "MUG-1", "qty": 1]], daysAfterDelivery: 30), params: [:], lookup: lookup())
        #expect(outcome.plan != nil)
    }

    @Test func undeliveredOrderCountsTheWindowFromTheOrderDate() throws {
        var lookup = lookup(status: "shipped", window: 5)
        lookup.orders["100240"]?.deliveredAt = nil
        let outcome = try action.plan(
            for: returnRequest([["sku": "MUG-1", "qty": 1]], daysAfterDelivery: 4), params: [:], lookup: lookup)
        #expect(reason(outcome) == "the return of MUG-1 arrived 6 days after the order date; its window is 5 days")
    }

    @Test func requestedAmountDifferentFromOrderPricesNeedsJudgment() throws {
        let outcome = try action.plan(
            for: returnRequest([["sku": "MUG-1", "qty": 1]], refund: "30.00"), params: [:], lookup: lookup())
        #expect(reason(outcome) == "the request asks for 30.00 but the items cost 24.24 USD on the order")
    }

    @Test func alreadyRefundedOrderNeedsJudgment() throws {
        let outcome = try action.plan(
            for: returnRequest([["sku": "MUG-1", "qty": 1]]), params: [:], lookup: lookup(status: "refunded"))
        #expect(reason(outcome) == "order #100240 is refunded; it cannot be refunded")
    }

    @Test func returnWithoutItemsNeedsJudgment() throws {
        let outcome = try action.plan(for: returnRequest([]), params: [:], lookup: lookup())
        #expect(reason(outcome) == "the return lists no items")
    }

    @Test func missingOrderNeedsJudgment() throws {
        let outcome = try action.plan(for: returnRequest([["sku": "MUG-1"]]), params: [:], lookup: InMemoryLookup())
        #expect(reason(outcome) == "order #100240 is not in the store")
    }
}
