import Foundation
import Testing

@testable import TriageDemo

@Suite struct WarrantyPolicyTests {
    let delivered = Date(timeIntervalSince1970: 1_788_000_000)  // 2026-08-29

    private func facts(daysLater: Double, months: Int = 12, window: Int = 30) -> WarrantyFacts {
        WarrantyFacts(
            orderTied: true, productStated: true, problemStated: true, excluded: false,
            claimAt: delivered.addingTimeInterval(daysLater * 86_400), deliveredAt: delivered, warrantyMonths: months,
            returnWindowDays: window, asksRefund: false, asksRepair: false)
    }

    @Test func untiedOrVagueClaimsNeedInformationFirst() {
        var claim = facts(daysLater: 10)
        claim.excluded = true
        claim.orderTied = false
        #expect(WarrantyPolicy.action(claim) == "need_info")
        claim.orderTied = true
        claim.problemStated = false
        #expect(WarrantyPolicy.action(claim) == "need_info")
    }

    @Test func excludedOrLateClaimsAreDenied() {
        var claim = facts(daysLater: 10)
        claim.excluded = true
        #expect(WarrantyPolicy.action(claim) == "deny")
        #expect(WarrantyPolicy.action(facts(daysLater: 40, months: 0)) == "deny")
        #expect(WarrantyPolicy.action(facts(daysLater: 100, months: 3)) == "deny")
    }

    @Test func refundOnlyInsideTheReturnWindow() {
        var inside = facts(daysLater: 10)
        inside.asksRefund = true
        #expect(WarrantyPolicy.action(inside) == "refund")
        var outside = facts(daysLater: 45)
        outside.asksRefund = true
        #expect(WarrantyPolicy.action(outside) == "replace")
    }

    @Test func repairWhenAskedElseReplace() {
        var claim = facts(daysLater: 60)
        #expect(WarrantyPolicy.action(claim) == "replace")
        claim.asksRepair = true
        #expect(WarrantyPolicy.action(claim) == "repair")
    }

    @Test func calendarMonthsClampToTheMonthsLength() {
        let end = WarrantyPolicy.addMonths(1, to: Date(timeIntervalSince1970: 1_801_353_600))  // 2027-01-31
        #expect(DemoCalendar.iso(end) == "2027-02-28")
        #expect(DemoCalendar.iso(WarrantyPolicy.addMonths(12, to: delivered)) == "2027-08-29")
    }
}
