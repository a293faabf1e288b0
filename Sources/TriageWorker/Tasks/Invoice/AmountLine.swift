import Foundation
import TriageCore

/// One line of a document read as a label and the money amounts on it: "TOTAL ROUNDED  RM 30.90",
/// "Gesamt: 1.234,50 €", "CHANGE RM .10", "ROUNDING ADJUSTMENT : (0.01)". Percentages ("GST @6%"), dates and
/// clock times are not amounts. An amount has two decimals, or is a whole number with a currency beside it.
struct AmountLine: Sendable {
    /// The words of the line other than its amounts, case- and accent-folded.
    let words: [String]
    /// The amounts, left to right, as magnitudes (a receipt's "-50.00" tendered or "20.00-" change is 50 and 20).
    let amounts: [Money]
    /// The position of the line in the document.
    let index: Int

    private static let currency = MoneyPattern.currency
    private static let number = MoneyPattern.grouped + #"|\d+[.,]\d{2}|[.,]\d{2}"#
    private static let amount = try! NSRegularExpression(
        pattern: #"(?<![\w.,/])[-(]?(?:"# + currency + #"\s?-?("# + number + #"|\d+)|("# + number + #"|\d+(?=\s?"#
            + currency + #")))(?![\d]|[.,]\d)\)?-?"#, options: [.caseInsensitive])
    private static let noise = try! NSRegularExpression(
        pattern: #"\d+(?:[.,]\d+)?\s?%|\b\d{1,2}:\d{2}(?::\d{2})?\b"#)

    init(_ line: String, index: Int) {
        self.index = index
        var text = line
        for found in DateFinder.dates(in: text, near: nil).reversed() {
            if let range = Range(NSRange(location: found.offset, length: found.written.utf16.count), in: text) {
                text.replaceSubrange(range, with: " ")
            }
        }
        text = Self.noise.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: " ")
        let matches = Self.amount.matches(in: text, range: NSRange(text.startIndex..., in: text))
        amounts = matches.compactMap { match in
            let group = match.range(at: 1).location != NSNotFound ? 1 : 2
            return Range(match.range(at: group), in: text).flatMap { Self.money(String(text[$0])) }
        }
        let label = Self.amount.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: " ")
        words = Self.words(label)
    }

    /// ".10" is 0.10.
    private static func money(_ written: String) -> Money? {
        Money(written.first == "." || written.first == "," ? "0" + written : written)
    }

    /// The distinct amounts on the line.
    var distinctAmounts: [Money] {
        amounts.reduce(into: []) { list, amount in if !list.contains(amount) { list.append(amount) } }
    }

    /// Lower-case, accent-free letter runs: "TOTAL INCL. OF GST" → ["total", "incl", "of", "gst"].
    static func words(_ text: String) -> [String] {
        TextWords.fold(text).split { !$0.isLetter }.map(String.init)
    }

    /// Every line of `text` read as an amount line.
    static func lines(of text: String) -> [AmountLine] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            AmountLine(String($0.element), index: $0.offset)
        }
    }
}
