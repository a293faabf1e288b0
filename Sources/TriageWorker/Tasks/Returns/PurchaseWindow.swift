import Foundation
import TriageCore

/// When a customer says they bought something ("last week", "in early September"), as a window of dates.
enum PurchaseWindow {
    private static let day = 86_400.0

    /// The window the phrase in `text` describes, relative to `received`; nil when there is no such phrase.
    static func window(in text: String, received: Date) -> ClosedRange<Date>? {
        let folded = TextFolding.fold(text)
        // Patterns, not phrases: "a couple weeks back", "2 weeks ago", "few days back" all say the same.
        let relative: [(String, Double, Double)] = [
            (#"\bfew days (ago|back)"#, 10, 0), (#"\blast week\b"#, 18, 5),
            (#"\b(couple|two|2) (of )?weeks"#, 28, 10), (#"\blast month\b"#, 52, 20),
        ]
        for (pattern, from, to) in relative where folded.range(of: pattern, options: .regularExpression) != nil {
            return received.addingTimeInterval(-from * day)...received.addingTimeInterval(-to * day)
        }
        return monthWindow(folded, received: received)
    }

    /// "in early|mid|late <month>" or "in <month>": that part of the latest such month not after `received`.
    private static func monthWindow(_ folded: String, received: Date) -> ClosedRange<Date>? {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"]
        for (index, name) in names.enumerated() {
            guard let range = folded.range(of: "in (early |mid |mid-|late )?\(name)", options: .regularExpression)
            else { continue }
            let phrase = folded[range]
            let days: ClosedRange<Int> = phrase.contains("early") ? 1...10 : phrase.contains("mid") ? 11...20
                : phrase.contains("late") ? 21...31 : 1...31
            return window(month: index + 1, days: days, before: received)
        }
        return nil
    }

    private static func window(month: Int, days: ClosedRange<Int>, before received: Date) -> ClosedRange<Date>? {
        let today = ISODate.formatDay(received).split(separator: "-").compactMap { Int64($0) }
        guard today.count == 3 else { return nil }
        let year = Int64(month) > today[1] ? today[0] - 1 : today[0]
        let first = Double(ISODate.days(year: year, month: Int64(month), day: 1)) * day
        let start = first + Double(days.lowerBound - 1) * day - 2 * day
        let end = first + Double(days.upperBound) * day + 2 * day
        return Date(timeIntervalSince1970: start)...Date(timeIntervalSince1970: end)
    }
}
