import Foundation
import TriageCore

/// Reads an all-numeric date ("03/04/2018", "18-11-18", "12.03.2018") by plausibility: a number above 12 can only
/// be the day; otherwise, when a reading lies close to the received date (at most 60 days before it), the nearer
/// reading wins; otherwise the document's order (day first unless it is US-style). Dotted dates are day first. See
/// docs/decisions.md, "Reading dates on real documents".
enum NumericDate {
    /// What decides an ambiguous date.
    struct Context: Sendable {
        var reference: Date?
        var order: DateOrder
    }

    /// How far before the received date an invoice date is expected to lie.
    static let plausibleWindow: TimeInterval = 60 * 86_400

    /// The possible days, the chosen one first; empty when neither order is a valid date.
    static func readings(_ first: String, _ second: String, _ year: String, separator: String, context: Context)
        -> [Date]
    {
        let fullYear = Self.year(year)
        let dayFirst = day(fullYear, second, first)
        let monthFirst = day(fullYear, first, second)
        guard let d = dayFirst, let m = monthFirst, d != m else { return [dayFirst ?? monthFirst].compactMap { $0 } }
        if separator == "." { return [d, m] }
        if let reference = context.reference, near(d, reference) || near(m, reference) {
            let (dGap, mGap) = (gap(d, reference), gap(m, reference))
            return dGap <= mGap ? [d, m] : [m, d]
        }
        return context.order == .dayFirst ? [d, m] : [m, d]
    }

    /// Four digits as written; two digits as 20yy below 70, else 19yy.
    static func year(_ text: String) -> String {
        guard text.count == 2, let short = Int(text) else { return text }
        return String(short < 70 ? 2000 + short : 1900 + short)
    }

    /// Midnight UTC of the day; nil when it is not a calendar day between 1900 and 2200.
    static func day(_ year: String, _ month: String, _ day: String) -> Date? {
        // A Thai document counts years from the Buddha (2569 is 2026).
        guard let written = Int64(year), let m = Int64(month), let d = Int64(day), (1...12).contains(m) else { return nil }
        let y = written > 2400 ? written - 543 : written
        guard (1...daysIn(month: m, year: y)).contains(d), (1900...2200).contains(y) else { return nil }
        return Date(timeIntervalSince1970: Double(ISODate.days(year: y, month: m, day: d) * 86_400))
    }

    private static func near(_ date: Date, _ reference: Date) -> Bool {
        let gap = reference.timeIntervalSince(date)
        return gap >= -86_400 && gap <= plausibleWindow
    }

    /// Distance from the received date; a date after it counts ten times (documents are dated before they arrive).
    private static func gap(_ date: Date, _ reference: Date) -> TimeInterval {
        let gap = reference.timeIntervalSince(date)
        return gap >= -86_400 ? abs(gap) : abs(gap) * 10
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
