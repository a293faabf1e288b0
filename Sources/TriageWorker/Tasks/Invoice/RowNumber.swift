import Foundation
import TriageCore

/// A number printed on an invoice row, with where it is and how it reads as money.
struct RowNumber: Sendable {
    let text: String
    let range: Range<String.Index>
    let money: Money
    /// The value in major units.
    var value: Double { Double(money.cents) / 100 }
    /// The ways the number reads as money: "9,800" is 9800 in one country and 9.800 in another, so a price
    /// written with one separator and three decimals reads both ways and the row's arithmetic decides.
    var readings: [Money] {
        guard MoneyPattern.decimalPlaces(text) == 3, text.count <= 7, text.filter({ $0 == "." || $0 == "," }).count == 1,
            let decimal = Money(text.replacingOccurrences(of: ",", with: ".") + "0"),
            let whole = Money(text.filter(\.isNumber))
        else { return [money] }
        return [money, whole, decimal].reduce(into: []) { list, reading in if !list.contains(reading) { list.append(reading) } }
    }
    /// A whole number that can be a quantity, written with or without decimals ("160.00", "6,00").
    var isWhole: Bool { money.cents >= 100 && money.cents % 100 == 0 && money.cents <= 9_999_900 }
    /// True for a whole number that can be a quantity (1 to 99,999, written without decimals: "25", "1,000").
    var isCount: Bool {
        !(1...2).contains(MoneyPattern.decimalPlaces(text)) && money.cents >= 100
            && money.cents % 100 == 0 && money.cents <= 9_999_900
    }

    /// Every number of `row` that reads as money ("1,780.00", "68,00", "4.10", "25"), left to right; digits glued
    /// to letters (SKUs, "10-inch", "1.5L") are not numbers of the row.
    static func all(in row: String) -> [RowNumber] {
        pattern.matches(in: row, range: NSRange(row.startIndex..., in: row)).compactMap { match in
            guard let range = Range(match.range(at: 1), in: row), let money = Money(String(row[range])) else { return nil }
            return RowNumber(text: String(row[range]), range: range, money: money)
        }
    }

    /// The row without the given numbers, markers and currency, split into a leading SKU (when it has one) and
    /// the description.
    static func description(of row: String, without numbers: [RowNumber]) -> (sku: String?, description: String) {
        var text = row
        for number in numbers.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            text.replaceSubrange(number.range, with: " ")
        }
        text = markers.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: " ")
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        if let first = words.first, Int(first) != nil, words.count > 1 { words.removeFirst() }
        var sku: String?
        if let first = words.first, first.wholeMatch(of: skuPattern) != nil { sku = first; words.removeFirst() }
        let description = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " .,:-|"))
        return (sku, description)
    }

    /// Markers and currencies standing alone in a row, and dot leaders.
    private static let markers = ConstantPattern.compile(#"\s(?:[xX×@=]|"# + MoneyPattern.currency + #")(?=\s|$)|\.{3,}"#)

    /// A number not glued to letters, dots, dashes or dates; a currency may precede it ("USD3.10") and a unit
    /// follow it ("4.90/PC"); unit prices may carry three or four decimals ("0,620", "48,9000").
    private static let pattern = try! NSRegularExpression(  // constant pattern; InvoiceLineParser tests run it
        pattern: #"(?<![\w.,\-/])(?:"# + MoneyPattern.currency + #"\s?)?("# + MoneyPattern.number + #"|\d+[.,]\d{3,4})(?![\w\-]|/\d|[.,]\d)"#)
    nonisolated(unsafe) private static let skuPattern = /[A-Z]{2,5}-\d{1,6}[A-Z]?/
}
