import Foundation
import Testing
import TriageCore

@testable import TriageRules

@Suite("InventoryReconcileAction")
struct InventoryReconcileActionTests {
    let action = InventoryReconcileAction()
    let drift = Samples.record(.inventoryDrift, source: "wms", event: "evt-5", payload: ["sku": "MUG-1"])

    func lookup(storefront: Int, erp: Int, wms: Int) -> InMemoryLookup {
        var lookup = InMemoryLookup()
        lookup.setCounts(sku: "MUG-1", storefront: storefront, erp: erp, wms: wms)
        return lookup
    }

    @Test func smallDriftSetsStorefrontAndERPToTheWMSCount() throws {
        let plan = try #require(
            try action.plan(for: drift, params: [:], lookup: lookup(storefront: 12, erp: 7, wms: 10)).plan)
        #expect(
            plan.changes == [
                .inventoryCount(sku: "MUG-1", system: "storefront", quantity: 10),
                .inventoryCount(sku: "MUG-1", system: "erp", quantity: 10),
            ])
        #expect(plan.messages.map(\.targetSystem) == ["storefront", "erp"])
        #expect(plan.messages.allSatisfy { $0.messageType == "inventory.set" })
        #expect(
            plan.messages.map(\.idempotencyKey) == [
                "reconcile_inventory:wms:evt-5:storefront", "reconcile_inventory:wms:evt-5:erp",
            ])
    }

    @Test func driftAtExactlyTheToleranceIsReconciled() throws {
        let outcome = try action.plan(for: drift, params: [:], lookup: lookup(storefront: 15, erp: 10, wms: 10))
        #expect(outcome.plan?.changes == [.inventoryCount(sku: "MUG-1", system: "storefront", quantity: 10)])
    }

    @Test func driftBeyondToleranceNeedsJudgmentWithTheNumbers() throws {
        let outcome = try action.plan(for: drift, params: [:], lookup: lookup(storefront: 16, erp: 10, wms: 10))
        #expect(
            outcome
                == .needsJudgment(
                    reason: "SKU MUG-1: storefront 16, ERP 10, WMS 10; drift 6 exceeds the tolerance of 5"))
    }

    @Test func toleranceParameterOverridesTheDefault() throws {
        let counts = lookup(storefront: 12, erp: 10, wms: 10)
        #expect(try action.plan(for: drift, params: ["tolerance": 1], lookup: counts).plan == nil)
        #expect(try action.plan(for: drift, params: ["tolerance": 2], lookup: counts).plan != nil)
    }

    @Test func tolerancePercentAllowsLargerDriftOnLargeCounts() throws {
        let counts = lookup(storefront: 1_080, erp: 1_000, wms: 1_000)
        #expect(try action.plan(for: drift, params: ["tolerance_percent": 10], lookup: counts).plan != nil)
        #expect(try action.plan(for: drift, params: ["tolerance_percent": 5], lookup: counts).plan == nil)
    }

    @Test func missingWMSCountNeedsJudgment() throws {
        var lookup = InMemoryLookup()
        lookup.counts["MUG-1"] = [InventoryCount(sku: "MUG-1", system: "storefront", quantity: 3)]
        let outcome = try action.plan(for: drift, params: [:], lookup: lookup)
        #expect(outcome == .needsJudgment(reason: "no WMS count is stored for SKU MUG-1"))
    }

    @Test func agreeingCountsPlanNoChanges() throws {
        let plan = try action.plan(for: drift, params: [:], lookup: lookup(storefront: 10, erp: 10, wms: 10)).plan
        #expect(plan?.changes.isEmpty == true && plan?.messages.isEmpty == true)
    }
}
