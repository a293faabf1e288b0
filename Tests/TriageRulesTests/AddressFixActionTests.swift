import Foundation
import Testing
import TriageCore

@testable import TriageRules

@Suite("AddressFixAction")
struct AddressFixActionTests {
    let action = AddressFixAction()

    func hold(_ postcode: String, country: String, reason: String = "postcode_format") -> ExceptionRecord {
        Samples.record(
            .addressHold, source: "storefront", event: "evt-3", reason: reason, orderNumber: "100232",
            payload: ["postcode": .string(postcode), "country": .string(country)])
    }

    func lookup(status: String = "address_hold") -> InMemoryLookup {
        var lookup = InMemoryLookup()
        lookup.add(Samples.order("100232", status: status))
        return lookup
    }

    func reason(_ outcome: ActionOutcome) -> String? {
        if case .needsJudgment(let reason) = outcome { return reason }
        return nil
    }

    @Test func fixableZipIsNormalisedAndTheOrderReleased() throws {
        let plan = try #require(
            try action.plan(for: hold("021381234", country: "US"), params: [:], lookup: lookup()).plan)
        #expect(plan.action == "fix_address")
        #expect(
            plan.changes == [
                .orderPostcode(orderNumber: "100232", postcode: "02138-1234"),
                .orderStatus(orderNumber: "100232", status: "released"),
            ])
        #expect(plan.messages.map(\.messageType) == ["order.address_update"])
        #expect(plan.messages.first?.payload["postcode"] == "02138-1234")
        #expect(plan.messages.first?.idempotencyKey == "fix_address:storefront:evt-3:storefront")
    }

    @Test func canadianAndUKPostcodesAreFixedToo() throws {
        let canada = try action.plan(for: hold("k1a0b1", country: "CA"), params: [:], lookup: lookup()).plan
        let britain = try action.plan(for: hold("sw1a1aa", country: "GB"), params: [:], lookup: lookup()).plan
        #expect(canada?.parameters["postcode"] == "K1A 0B1")
        #expect(britain?.parameters["postcode"] == "SW1A 1AA")
    }

    @Test func unfixablePostcodeNeedsJudgment() throws {
        let outcome = try action.plan(for: hold("9021O", country: "US"), params: [:], lookup: lookup())
        #expect(reason(outcome)?.hasPrefix(#"postcode "9021O" (US) cannot be fixed"#) == true)
    }

    @Test func incompleteAddressNeedsJudgment() throws {
        let outcome = try action.plan(
            for: hold("02138", country: "US", reason: "address_incomplete"), params: [:], lookup: lookup())
        #expect(reason(outcome)?.contains("incomplete") == true)
    }

    @Test func missingOrderNeedsJudgment() throws {
        let outcome = try action.plan(for: hold("02138", country: "US"), params: [:], lookup: InMemoryLookup())
        #expect(reason(outcome) == "order #100232 is not in the store")
    }

    @Test func orderNoLongerHeldNeedsJudgment() throws {
        let outcome = try action.plan(for: hold("02138", country: "US"), params: [:], lookup: lookup(status: "shipped"))
        #expect(reason(outcome) == "order #100232 is shipped, not held for its address")
    }
}
