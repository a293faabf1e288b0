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
    /// The amounts written as money — with decimals or a currency — rather than as a count ("10,000" pieces).
    let moneyAmounts: [Money]
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
        let read = matches.compactMap { match -> (Money, Bool)? in
            let group = match.range(at: 1).location != NSNotFound ? 1 : 2
            guard let range = Range(match.range(at: group), in: text), let money = Self.money(String(text[range])),
                let whole = Range(match.range, in: text)
            else { return nil }
            let written = String(text[range])
            return (money, group == 1 || text[whole].count > written.count + 1 || MoneyPattern.decimalPlaces(written) == 2)
        }
        amounts = read.map(\.0)
        moneyAmounts = read.filter(\.1).map(\.0)
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

    /// Every line of `text` read as an amount line, and each labelled part of a line that prints several
    /// ("Imponibile 1.176,00 - IVA 22% 258,72 - Totale fattura EUR 1.434,72") read as a line of its own.
    static func lines(of text: String) -> [AmountLine] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().flatMap { index, line in
            let whole = AmountLine(String(line), index: index)
            guard whole.amounts.count >= 2 else { return [whole] }
            return [whole] + segments(of: String(line)).map { AmountLine($0, index: index) }
        }
    }

    /// The parts of a line that each end with an amount of money (a count such as "4,200 PCS" does not end one),
    /// when every part has words of its own; a last part that
    /// only says "= amount" after a tax ("Base 510,00 + IVA 21% 107,10 = 617,10") is the total of the sum.
    static func segments(of line: String) -> [String] {
        let range = NSRange(line.startIndex..., in: line)
        let ends = amount.matches(in: line, range: range).compactMap { Range($0.range, in: line) }
            .filter { range in
                let written = line[range].trimmingCharacters(in: CharacterSet(charactersIn: ")-"))
                return MoneyPattern.decimalPlaces(written) == 2 || line[range].contains { !($0.isNumber || " .,()-".contains($0)) }
            }
            .map(\.upperBound)
        guard ends.count >= 2 else { return [] }
        var parts: [String] = []
        var start = line.startIndex
        for (position, end) in ends.enumerated() {
            let stop = position == ends.count - 1 ? line.endIndex : end
            parts.append(String(line[start..<stop]))
            start = stop
        }
        let labelled = parts.map { !words(amount.stringByReplacingMatches(
            in: $0, range: NSRange($0.startIndex..., in: $0), withTemplate: " ")).isEmpty }
        if let last = parts.last, last.trimmingCharacters(in: .whitespaces).hasPrefix("="),
            parts.dropLast().contains(where: { AmountLabel(words($0)) == .tax })
        {
            parts[parts.count - 1] = "total " + last
            return labelled.dropLast().allSatisfy { $0 } ? parts : []
        }
        return labelled.allSatisfy { $0 } ? parts : []
    }
}
