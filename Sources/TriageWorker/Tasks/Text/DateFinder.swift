import Foundation
import TriageCore

/// A date found in free text and where it was.
struct FoundDate: Sendable, Hashable {
    /// Midnight UTC of the calendar day.
    let date: Date
    /// The text as written.
    let written: String
    /// Offset of the match in the searched text, to prefer the earliest labelled date.
    let offset: Int
    /// Every calendar day the text could mean (two for an ambiguous "03/04/2018"), the chosen one first.
    var readings: [Date] = []
}

/// Which reading an all-numeric date gets when both day-first and month-first are valid and plausible.
enum DateOrder: Sendable {
    case dayFirst, monthFirst
}

/// Finds calendar dates in the shapes documents use: ISO (2018-03-01, 2026年03月05日), day-month-name-year in the
/// suppliers' languages (12 MAR 2018, 24-MAR-2018, 21 March, 2018, 11 de febrero de 2026, 1. března 2026),
/// month-name-day-year (Mar 12, 2018) and numeric day/month/year with `/`, `-` or `.` and a two- or four-digit year
/// (18-11-18, 22/12/2017, 12.03.2018, 26/2 2026), with or without a time after them.
enum DateFinder {
    /// Every date in `text`, in order of appearance. Ambiguous numeric dates are resolved by ``NumericDate``.
    static func dates(in text: String, near reference: Date?, order: DateOrder = .dayFirst) -> [FoundDate] {
        var found: [FoundDate] = []
        let range = NSRange(text.startIndex..., in: text)
        for (regex, reader) in readers {
            // A match that reads as no date ("3 x 12" where a month name may stand) gives way: the search goes on
            // one character later, so it hides no date inside it.
            var location = 0
            while location < range.length, let match = regex.firstMatch(
                in: text, options: [.withTransparentBounds], range: NSRange(location: location, length: range.length - location))
            {
                let groups = (1..<match.numberOfRanges).map { index -> String in
                    Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
                }
                let readings = reader(groups, NumericDate.Context(reference: reference, order: order))
                guard let first = readings.first, let whole = Range(match.range, in: text) else {
                    location = match.range.location + 1
                    continue
                }
                location = max(match.range.location + match.range.length, match.range.location + 1)
                if found.contains(where: { overlap($0, match.range) }) { continue }
                found.append(FoundDate(date: first, written: String(text[whole]), offset: match.range.location, readings: readings))
            }
        }
        return found.sorted { $0.offset < $1.offset }
    }

    typealias Reader = @Sendable ([String], NumericDate.Context) -> [Date]

    private static let month = MonthNames.pattern

    /// A Japanese era date: 令和8年4月7日 is 2026-04-07 (Reiwa 1 is 2019; 元年 is its first year).
    private static let reiwa = #"令和\s?(\d{1,2}|元)\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日"#
    private static let iso = #"(?<![\d.])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])"#
    /// Chinese, Japanese and Korean: 2026年3月5日, 2026년 3월 5일.
    private static let eastAsian = #"(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]"#
    /// Hungarian puts the year first: "2026. március 5.".
    private static let yearMonthNameDay = #"(?<![\d.])(\d{4})\.?\s+"# + month + #"(?![\p{L}])\s+(\d{1,2})\.?(?![\d])"#
    private static let dayMonthName = #"\b(\d{1,2})(?:st|nd|rd|th|º|\.)?[\s./-]*(?:de\s+)?"# + month
        + #"(?![\p{L}])[\s.,/-]*(?:de\s+)?(\d{4}|\d{2})(?![\d:])"#
    private static let monthNameDay = #"\b"# + month + #"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"#
    private static let numeric = #"(?<![\d/.-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-]|[.]\d|:\d)"#
    /// "26/2 2026": day and month, then the year after a space (Swedish, Danish).
    private static let numericSpacedYear = #"(?<![\d/.-])(\d{1,2})([./])(\d{1,2})\s(\d{4})(?![\d/.-])"#

    private static func compile(_ pattern: String) -> NSRegularExpression {
        ConstantPattern.compile(pattern, options: [.caseInsensitive])
    }

    /// Most specific first: a later pattern never claims text an earlier one matched.
    static let readers: [(NSRegularExpression, Reader)] = [
        (compile(reiwa), { g, _ in
            list(NumericDate.day(String(2018 + (g[0] == "元" ? 1 : Int(g[0]) ?? 0)), g[1], g[2]))
        }),
        (compile(eastAsian), { g, _ in list(NumericDate.day(g[0], g[1], g[2])) }),
        (compile(iso), { g, _ in list(NumericDate.day(g[0], g[1], g[2])) }),
        (compile(yearMonthNameDay), { g, _ in list(NumericDate.day(g[0], monthNumber(g[1]), g[2])) }),
        (compile(dayMonthName), { g, _ in list(NumericDate.day(NumericDate.year(g[2]), monthNumber(g[1]), g[0])) }),
        (compile(monthNameDay), { g, _ in list(NumericDate.day(g[2], monthNumber(g[0]), g[1])) }),
        (compile(numeric), { g, context in NumericDate.readings(g[0], g[2], g[3], separator: g[1], context: context) }),
        (compile(numericSpacedYear), { g, context in NumericDate.readings(g[0], g[2], g[3], separator: g[1], context: context) }),
    ]

    private static func overlap(_ date: FoundDate, _ range: NSRange) -> Bool {
        NSIntersectionRange(NSRange(location: date.offset, length: date.written.utf16.count), range).length > 0
    }

    private static func list(_ date: Date?) -> [Date] { date.map { [$0] } ?? [] }

    private static func monthNumber(_ name: String) -> String {
        String(MonthNames.number(name))
    }
}
