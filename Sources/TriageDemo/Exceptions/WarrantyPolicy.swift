import Foundation
import TriageCore

/// What a warranty email establishes, as the contract's rules read it.
struct WarrantyFacts: Sendable {
    /// True when exactly one order can be tied to the claim (from the text, or by sender and product).
    var orderTied: Bool
    var productStated: Bool
    var problemStated: Bool
    /// Accidental damage, misuse or normal wear.
    var excluded: Bool
    var claimAt: Date
    /// Delivery date, or the order date when there is none.
    var deliveredAt: Date
    var warrantyMonths: Int
    var returnWindowDays: Int
    var asksRefund: Bool
    var asksRepair: Bool
}

/// The contract's warranty rules, applied in their order.
enum WarrantyPolicy {
    /// need_info, deny, refund, repair or replace.
    static func action(_ facts: WarrantyFacts) -> String {
        if !facts.orderTied || !facts.productStated || !facts.problemStated { return "need_info" }
        if facts.excluded || facts.claimAt > warrantyEnd(facts) { return "deny" }
        if facts.asksRefund && facts.claimAt <= returnEnd(facts) { return "refund" }
        return facts.asksRepair ? "repair" : "replace"
    }

    /// True when the claim falls within two days of the warranty's or the return window's end, where
    /// calendar conventions could flip the answer; the generator avoids such claims.
    static func nearBoundary(_ facts: WarrantyFacts) -> Bool {
        let margin = 2 * DemoCalendar.day
        return abs(facts.claimAt.timeIntervalSince(warrantyEnd(facts))) < margin
            || abs(facts.claimAt.timeIntervalSince(returnEnd(facts))) < margin
    }

    /// Delivery plus `warrantyMonths` calendar months (the day clamped to the month's length).
    static func warrantyEnd(_ facts: WarrantyFacts) -> Date {
        addMonths(facts.warrantyMonths, to: facts.deliveredAt)
    }

    static func returnEnd(_ facts: WarrantyFacts) -> Date {
        facts.deliveredAt.addingTimeInterval(Double(facts.returnWindowDays) * DemoCalendar.day)
    }

    static func addMonths(_ months: Int, to date: Date) -> Date {
        let parts = DemoCalendar.civil(date)
        let index = parts.year * 12 + parts.month - 1 + months
        let (year, month) = (index / 12, index % 12 + 1)
        let first = ISODate.days(year: Int64(year), month: Int64(month), day: 1)
        let next = ISODate.days(year: Int64((index + 1) / 12), month: Int64((index + 1) % 12 + 1), day: 1)
        let day = min(parts.day, Int(next - first))
        let seconds = date.timeIntervalSince1970 - Double(DemoCalendar.dayNumber(date)) * DemoCalendar.day
        return Date(timeIntervalSince1970: Double(first + Int64(day) - 1) * DemoCalendar.day + seconds)
    }
}
