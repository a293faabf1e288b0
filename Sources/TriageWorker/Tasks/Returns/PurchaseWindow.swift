import Foundation
import TriageCore

/// When a customer says they bought something, as a window of dates: "ordered September 2015", "in early
/// March", "bought it on 3 Oct 2017", "last week", "a fortnight or so ago" (read as two weeks).
struct PurchaseWindow: Sendable {
    /// The dates the phrase allows (two days of slack either side of a named month).
    let range: ClosedRange<Date>
    /// True when the phrase names a calendar month or day, so an order outside it is ruled out; vague phrases
    /// ("last month") only weigh.
    let firm: Bool

    private static let day = 86_400.0

    /// The window the text describes, relative to `received`; nil when it says nothing about when.
    static func window(in text: String, received: Date) -> PurchaseWindow? {
        let folded = TextFolding.fold(text)
        if let firm = monthWindow(folded, received: received) { return firm }
        // Patterns, not phrases: "a couple weeks back", "2 weeks ago", "few days back" all say the same.
        let relative: [(Regex<Substring>, Double, Double)] = [
            (/\b(?:few|couple of|2|3|two|three) days (?:ago|back)/, 10, 0), (/\blast week\b/, 18, 5),
            (/\b(?:(?:couple|two|2|few) (?:of )?weeks|fortnight)/, 28, 10), (/\blast month\b/, 52, 20),
        ]
        for (pattern, from, to) in relative where folded.contains(pattern) {
            let range = received.addingTimeInterval(-from * day)...received.addingTimeInterval(-to * day)
            return PurchaseWindow(range: range, firm: false)
        }
        return nil
    }

    /// "<month> <year>", "in (early|mid|late) <month> [<year>]": that part of the month (the latest such month
    /// not after `received` when no year is written).
    private static func monthWindow(_ folded: String, received: Date) -> PurchaseWindow? {
        // A date within two days of receipt is the message's own ("Date: Tue, 8 Aug 2017", "Voicemail, Mon 9 Apr
        // 2018"), not when the goods were bought.
        let dated = folded.matches(of: monthAndYear).first { match in !isOwnDate(match.range, in: folded, received: received) }
        let found = dated.map { ($0.output.1, $0.output.2, Optional($0.output.3)) }
            ?? folded.firstMatch(of: inMonth).map { ($0.output.1, $0.output.2, Substring?.none) }
        guard let (part, monthName, yearText) = found else { return nil }
        guard let month = months.firstIndex(where: { monthName.hasPrefix($0) }).map({ $0 + 1 }) else { return nil }
        let days: ClosedRange<Int> = switch part.map(String.init)?.trimmingCharacters(in: .whitespaces) {
            case "early", "beginning of", "start of": 1...10
            case "mid", "mid-", "middle of": 11...20
            case "late", "end of": 21...31
            default: 1...31
        }
        let year = yearText.flatMap { Int64($0) }
        return window(month: month, days: days, year: year, before: received)
    }

    /// True when a day number before the month makes the date within two days of `received`.
    private static func isOwnDate(_ range: Range<String.Index>, in folded: String, received: Date) -> Bool {
        let before = folded[..<range.lowerBound].suffix(4)
        guard before.contains(where: \.isWholeNumber),
            let date = DateFinder.dates(in: String(before) + String(folded[range]), near: received).first?.date
        else { return false }
        return abs(date.timeIntervalSince(received)) <= 2 * Self.day
    }

    /// "September 2015", "early Sept. 2015", "3 oct, 2017".
    nonisolated(unsafe) private static let monthAndYear =
        /\b(early |mid-?|late |beginning of |start of |middle of |end of )?(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?,? (\d{4})\b/
    /// "in March", "ordered mid-June", "since early Oct" (a word before the month, so "you may" is no month).
    nonisolated(unsafe) private static let inMonth =
        /\b(?:in|since|during|around|ordered|bought|purchased|placed|got it) (early |mid-?|late |beginning of |start of |middle of |end of )?(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b/
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func window(month: Int, days: ClosedRange<Int>, year: Int64?, before received: Date) -> PurchaseWindow? {
        let today = ISODate.formatDay(received).split(separator: "-").compactMap { Int64($0) }
        guard today.count == 3 else { return nil }
        let resolved = year ?? (Int64(month) > today[1] ? today[0] - 1 : today[0])
        let first = Double(ISODate.days(year: resolved, month: Int64(month), day: 1)) * day
        // Customers often name the month the goods arrived: the order may be placed up to ten days before it.
        let start = first + Double(days.lowerBound - 1) * day - 10 * day
        let end = first + Double(days.upperBound) * day + 2 * day
        return PurchaseWindow(range: Date(timeIntervalSince1970: start)...Date(timeIntervalSince1970: end), firm: true)
    }
}
