import Foundation
import Testing
import TriageCore

@testable import TriageRules

@Suite("PaymentSyncAction")
struct PaymentSyncActionTests {
    let action = PaymentSyncAction()

    func drift(_ status: String, amount: String = "48.48", order: String? = "100231") -> ExceptionRecord {
        Samples.record(
            .paymentDrift, source: "gateway", event: "evt-9", orderNumber: order,
            payload: [
                "gateway_status": .string(status), "amount": .string(amount), "currency": "USD",
                "payment_id": "pay-100231",
            ])
    }

    func lookup(orderStatus: String = "pending_payment", paymentStatus: String = "captured", paid: String = "48.48")
        -> InMemoryLookup
    {
        var lookup = InMemoryLookup()
        lookup.add(Samples.order("100231", status: orderStatus))
        lookup.add(Samples.payment("100231", status: paymentStatus, amount: paid))
        return lookup
    }

    func reason(_ outcome: ActionOutcome) -> String? {
        if case .needsJudgment(let reason) = outcome { return reason }
        return nil
    }

    @Test func capturedPaymentReleasesAWaitingOrder() throws {
        let plan = try #require(try action.plan(for: drift("captured"), params: [:], lookup: lookup()).plan)
        #expect(plan.action == "release_order")
        #expect(plan.changes == [.orderStatus(orderNumber: "100231", status: "released")])
        #expect(plan.messages.map(\.targetSystem) == ["storefront"])
        #expect(plan.messages.map(\.messageType) == ["order.release"])
        #expect(plan.messages.first?.idempotencyKey == "release_order:gateway:evt-9:storefront")
    }

    @Test func authorisedPaymentReleasesAnOrderOnHold() throws {
        let outcome = try action.plan(
            for: drift("authorised"), params: [:], lookup: lookup(orderStatus: "on_hold", paymentStatus: "authorised"))
        #expect(outcome.plan?.action == "release_order")
    }

    @Test func refusedPaymentCancelsTheOrder() throws {
        let plan = try #require(
            try action.plan(for: drift("refused"), params: [:], lookup: lookup(paymentStatus: "refused")).plan)
        #expect(plan.action == "cancel_order")
        #expect(plan.changes == [.orderStatus(orderNumber: "100231", status: "cancelled")])
        #expect(plan.messages.map(\.messageType) == ["order.cancel"])
    }

    @Test func samePlanTwiceHasTheSameIdempotencyKeys() throws {
        let first = try action.plan(for: drift("captured"), params: [:], lookup: lookup()).plan
        let second = try action.plan(for: drift("captured"), params: [:], lookup: lookup()).plan
        #expect(first?.messages.map(\.idempotencyKey) == second?.messages.map(\.idempotencyKey))
    }

    @Test func missingOrderNeedsJudgment() throws {
        let outcome = try action.plan(for: drift("captured", order: "999"), params: [:], lookup: lookup())
        #expect(reason(outcome) == "order #999 is not in the store")
    }

    @Test func alreadyReleasedOrderNeedsJudgment() throws {
        let outcome = try action.plan(for: drift("captured"), params: [:], lookup: lookup(orderStatus: "released"))
        #expect(reason(outcome) == "order #100231 is released, not pending_payment or on_hold")
    }

    @Test func gatewayDisagreeingWithTheExceptionNeedsJudgment() throws {
        let outcome = try action.plan(for: drift("captured"), params: [:], lookup: lookup(paymentStatus: "refused"))
        #expect(reason(outcome) == "the exception says captured but the gateway's latest payment pay-100231 is refused")
    }

    @Test func differentAmountsNeedJudgment() throws {
        let outcome = try action.plan(for: drift("captured", amount: "40.00"), params: [:], lookup: lookup())
        #expect(reason(outcome) == "amounts differ: the exception says 40.00, payment pay-100231 is 48.48")
    }

    @Test func paymentShortOfTheOrderTotalNeedsJudgment() throws {
        let outcome = try action.plan(
            for: drift("captured", amount: "40.00"), params: [:], lookup: lookup(paid: "40.00"))
        #expect(reason(outcome)?.contains("does not match order #100231 total 48.48") == true)
    }

    @Test func noStoredPaymentNeedsJudgment() throws {
        var lookup = InMemoryLookup()
        lookup.add(Samples.order("100231", status: "pending_payment"))
        let outcome = try action.plan(for: drift("captured"), params: [:], lookup: lookup)
        #expect(reason(outcome) == "no gateway payment is stored for order #100231")
    }

    @Test func unknownGatewayStatusNeedsJudgment() throws {
        let outcome = try action.plan(for: drift("refunded"), params: [:], lookup: lookup())
        #expect(reason(outcome) == #"gateway status "refunded" is neither paid nor refused"#)
    }
}
