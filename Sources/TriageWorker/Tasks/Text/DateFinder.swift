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
}

/// Finds calendar dates in the shapes invoices and emails use: ISO, 14 Oct 2026, November 3, 2026,
/// 04.11.2026 (day first), 20/10/2026 and 11/03/2026 (resolved against the received date).
enum DateFinder {
    /// Every date in `text`, in order of appearance.
    static func dates(in text: String, near reference: Date?) -> [FoundDate] {
        var found: [FoundDate] = []
        for (pattern, reader) in readers {
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { continue }
            let range = NSRange(text.startIndex..., in: text)
            for match in regex.matches(in: text, range: range) {
                let groups = (1..<match.numberOfRanges).map { index -> String in
                    Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
                }
                guard let date = reader(groups, reference), let whole = Range(match.range, in: text) else { continue }
                found.append(FoundDate(date: date, written: String(text[whole]), offset: match.range.location))
            }
        }
        return found.sorted { $0.offset < $1.offset }
    }

    private typealias Reader = @Sendable ([String], Date?) -> Date?

    private static let month = #"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"#

    private static let readers: [(String, Reader)] = [
        (#"\b(\d{4})-(\d{2})-(\d{2})\b"#, { g, _ in day(g[0], g[1], g[2]) }),
        (#"\b(\d{1,2})\s+"# + month + #",?\s+(\d{4})\b"#, { g, _ in day(g[2], monthNumber(g[1]), g[0]) }),
        (#"\b"# + month + #"\s+(\d{1,2}),?\s+(\d{4})\b"#, { g, _ in day(g[2], monthNumber(g[0]), g[1]) }),
        (#"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"#, { g, _ in day(g[2], g[1], g[0]) }),
        (#"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"#, { g, reference in slashed(g, reference: reference) }),
    ]

    /// Day first when the first number cannot be a month, month first when the second cannot; otherwise the
    /// reading nearest to (and not after) the received date, month first on a tie.
    private static func slashed(_ g: [String], reference: Date?) -> Date? {
        let monthFirst = day(g[2], g[0], g[1])
        let dayFirst = day(g[2], g[1], g[0])
        guard let a = monthFirst, let b = dayFirst else { return monthFirst ?? dayFirst }
        guard let reference else { return a }
        func cost(_ date: Date) -> Double {
            let gap = reference.timeIntervalSince(date)
            return gap >= -86_400 ? gap : abs(gap) * 10
        }
        return cost(b) < cost(a) ? b : a
    }

    private static func monthNumber(_ name: String) -> String {
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let index = names.firstIndex(of: String(name.lowercased().prefix(3))) ?? -1
        return String(index + 1)
    }

    private static func day(_ year: String, _ month: String, _ day: String) -> Date? {
        guard let y = Int64(year), let m = Int64(month), let d = Int64(day), (1...12).contains(m), (1...31).contains(d),
            (1900...2200).contains(y)
        else { return nil }
        return Date(timeIntervalSince1970: Double(ISODate.days(year: y, month: m, day: d) * 86_400))
    }
}
