import Foundation
import TriageCore

/// The deterministic policy bound on a claim: warranty months from delivery (else the order date), and the
/// return window for a refund.
struct WarrantyPolicyCheck: Sendable {
    let start: Date
    let warrantyEnd: Date
    let returnEnd: Date
    let claimAt: Date
    let startLabel: String

    init(order: Order, product: Product, claimAt: Date) {
        start = order.deliveredAt ?? order.placedAt
        startLabel = order.deliveredAt == nil ? "ordered" : "delivered"
        warrantyEnd = Self.adding(months: product.warrantyMonths, to: start)
        returnEnd = start.addingTimeInterval(Double(product.returnWindowDays) * 86_400)
        self.claimAt = claimAt
    }

    var withinWarranty: Bool { claimAt <= warrantyEnd }
    var withinReturnWindow: Bool { claimAt <= returnEnd }

    /// What the check found, for the card's notes.
    var note: String {
        let verdict = withinWarranty ? "within warranty" : "outside warranty"
        return "\(startLabel) \(ISODate.formatDay(start)); warranty until \(ISODate.formatDay(warrantyEnd)), "
            + "return window until \(ISODate.formatDay(returnEnd)); claim \(ISODate.formatDay(claimAt)): \(verdict)"
    }

    /// Calendar months later, the day clamped to the month's length (31 Jan + 1 month = 28/29 Feb).
    static func adding(months: Int, to date: Date) -> Date {
        let parts = ISODate.formatDay(date).split(separator: "-").compactMap { Int64($0) }
        guard parts.count == 3 else { return date }
        let index = parts[0] * 12 + parts[1] - 1 + Int64(months)
        let (year, month) = (index / 12, index % 12 + 1)
        let first = ISODate.days(year: year, month: month, day: 1)
        let next = ISODate.days(year: (index + 1) / 12, month: (index + 1) % 12 + 1, day: 1)
        let day = min(parts[2], next - first)
        let timeOfDay = date.timeIntervalSince1970 - Double(ISODate.days(year: parts[0], month: parts[1], day: parts[2]) * 86_400)
        return Date(timeIntervalSince1970: Double(first + day - 1) * 86_400 + timeOfDay)
    }
}
