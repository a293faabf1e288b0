import Foundation
import TriageCore

/// UTC calendar arithmetic and the date spellings found on invoices and in emails.
///
/// Integer arithmetic only, so output does not depend on the machine's locale, time zone or ICU data.
enum DemoCalendar {
    static let day: TimeInterval = 86_400
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// Whole days since 1970-01-01 (UTC) of a date.
    static func dayNumber(_ date: Date) -> Int {
        Int((date.timeIntervalSince1970 / day).rounded(.down))
    }

    /// Midnight UTC of the day `date` falls on.
    static func startOfDay(_ date: Date) -> Date {
        Date(timeIntervalSince1970: Double(dayNumber(date)) * day)
    }

    /// Monday = 0 … Sunday = 6.
    static func weekday(_ date: Date) -> Int {
        ((dayNumber(date) + 3) % 7 + 7) % 7
    }

    /// Year, month (1–12) and day (1–31) of a date in UTC.
    static func civil(_ date: Date) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber(date) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let dayOfMonth = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, dayOfMonth)
    }

    /// Days from `start` to `end`, counting calendar days in UTC.
    static func daysBetween(_ start: Date, _ end: Date) -> Int {
        dayNumber(end) - dayNumber(start)
    }

    /// `2026-11-03`.
    static func iso(_ date: Date) -> String { ISODate.formatDay(date) }

    /// `3 Nov 2026`.
    static func short(_ date: Date) -> String {
        let parts = civil(date)
        return "\(parts.day) \(monthNames[parts.month - 1].prefix(3)) \(parts.year)"
    }

    /// `3 November 2026`.
    static func long(_ date: Date) -> String {
        let parts = civil(date)
        return "\(parts.day) \(monthNames[parts.month - 1]) \(parts.year)"
    }

    /// `03.11.2026` (European).
    static func dotted(_ date: Date) -> String {
        let parts = civil(date)
        return "\(pad2(parts.day)).\(pad2(parts.month)).\(parts.year)"
    }

    /// `11/03/2026` (US).
    static func american(_ date: Date) -> String {
        let parts = civil(date)
        return "\(pad2(parts.month))/\(pad2(parts.day))/\(parts.year)"
    }

    /// `Tuesday, November 3, 2026 9:14 AM` as an email client prints a sent date.
    static func mailHeader(_ date: Date) -> String {
        let parts = civil(date)
        let seconds = Int(date.timeIntervalSince1970) - dayNumber(date) * 86_400
        let hour = seconds / 3600
        let clock = "\(hour % 12 == 0 ? 12 : hour % 12):\(pad2(seconds % 3600 / 60)) \(hour < 12 ? "AM" : "PM")"
        return "\(weekdayNames[weekday(date)]), \(monthNames[parts.month - 1]) \(parts.day), \(parts.year) \(clock)"
    }

    /// The month's name, e.g. `September`.
    static func monthName(_ date: Date) -> String { monthNames[civil(date).month - 1] }

    static func pad2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
