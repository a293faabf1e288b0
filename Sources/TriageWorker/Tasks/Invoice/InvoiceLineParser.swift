import Foundation
import TriageCore

/// One billed line of an invoice.
struct InvoiceLine: Sendable, Hashable {
    var sku: String?
    var description: String
    var qty: Int
    var unitPrice: Money
    /// The line amount as printed, when it is.
    var amount: Money?

    /// The line as a card parameter.
    var json: JSONValue {
        var object: [String: JSONValue] = [
            "description": .string(description), "qty": .number(Double(qty)), "unit_price": .string(unitPrice.description),
        ]
        if let sku { object["sku"] = .string(sku) }
        if let amount { object["amount"] = .string(amount.description) }
        return .object(object)
    }
}

/// Reads billed lines without knowing the layout: a row is a line when its numbers hold a quantity and a unit price
/// whose product is the row's amount ("Desk lamp  2  120.00  240.00", "Pos 1 Kettle 10 68,00 EUR 680,00 EUR",
/// "Chair ..... 4 @ 59.90 = 239.60"), or when a marker ties a quantity to a price ("25x Mug @ 4.10",
/// "Mug  25 x 4.10"). A leading position number or SKU is kept apart; total, tax and header rows are not lines.
enum InvoiceLineParser {
    /// "25x" before a space: the count glued to its "x".
    private static let gluedCount = ConstantPattern.compile(#"(\d)([xX×])(?=\s)"#)
    /// What column rows hold besides their numbers: spaces, separators and currencies.
    private static let columnNoise = ConstantPattern.compile(#"[\d.,\s]|"# + MoneyPattern.currency)

    /// The billed lines of `text`, in order.
    static func lines(in text: String) -> [InvoiceLine] {
        text.split(separator: "\n").compactMap { parse(String($0)) }
    }

    static func parse(_ written: String) -> InvoiceLine? {
        // "25x Mug" reads as "25 x Mug": the count is a number of its own.
        let row = gluedCount.stringByReplacingMatches(in: written, range: NSRange(written.startIndex..., in: written), withTemplate: "$1 $2")
        let numbers = RowNumber.all(in: row)
        guard let (qty, unit, price, amount) = arithmetic(numbers) ?? marked(numbers, in: row).map({ ($0, $1, $1.money, $2) })
            ?? columns(numbers, in: row).map({ ($0, $1, $1.money, $2) })
        else { return nil }
        let (sku, description) = RowNumber.description(of: row, without: [qty, unit, amount].compactMap { $0 })
        // A receipt row may carry only the barcode, its name on the row above.
        let barcode = description.count >= 8 && description.allSatisfy(\.isWholeNumber)
        guard description.contains(where: \.isLetter) || barcode, !isSummary(description),
            let count = Int(exactly: qty.value), count > 0
        else { return nil }
        return InvoiceLine(sku: sku, description: description, qty: count, unitPrice: price, amount: amount?.money)
    }

    /// Three numbers in order, quantity × unit = amount to the cent (a cent of rounding allowed), with the reading of
    /// the unit price that makes it so ("9,800" is 9.80 when 240 × 9.80 is the amount printed). The quantity may be
    /// written with decimals ("160.00").
    private static func arithmetic(_ numbers: [RowNumber]) -> (RowNumber, RowNumber, Money, RowNumber?)? {
        for a in numbers.indices.reversed() where numbers[a].money.cents > 0 {
            for u in numbers.indices where u < a {
                for q in numbers.indices where q < u && numbers[q].isWhole {
                    for price in numbers[u].readings {
                        let product = price * Int(numbers[q].value)
                        if abs(product.cents - numbers[a].money.cents) <= 1 { return (numbers[q], numbers[u], price, numbers[a]) }
                    }
                }
            }
        }
        return nil
    }

    /// A quantity and a price tied by "x", "×" or "@" ("25x Mug @ 4.10", "Mug 25 x 4.10", "4 @ 59.90").
    private static func marked(_ numbers: [RowNumber], in row: String) -> (RowNumber, RowNumber, RowNumber?)? {
        guard let price = numbers.last, !price.isCount || price.text.contains(where: { ".,".contains($0) }) else {
            return nil
        }
        for count in numbers.dropLast() where count.isCount {
            let between = row[count.range.upperBound..<price.range.lowerBound]
            let before = row[..<price.range.lowerBound]
            if between.range(of: #"^\s*[x×]\s*$"#, options: .regularExpression) != nil
                || (between.range(of: #"^\s*[x×]\s"#, options: .regularExpression) != nil && before.hasSuffix("@ "))
                || between.range(of: #"^\s*@\s*$"#, options: .regularExpression) != nil
                || (row[..<count.range.lowerBound].trimmingCharacters(in: .whitespaces).isEmpty
                    && between.range(of: #"^\s*[x×]\s.*@\s*$"#, options: .regularExpression) != nil)
            {
                return (count, price, nil)
            }
        }
        return nil
    }

    /// The last three numbers closing the row as quantity, unit price and amount columns, when their product does not
    /// add up: the row is read as printed, and the PO check judges the price.
    private static func columns(_ numbers: [RowNumber], in row: String) -> (RowNumber, RowNumber, RowNumber?)? {
        guard numbers.count >= 3 else { return nil }
        let (qty, unit, amount) = (numbers[numbers.count - 3], numbers[numbers.count - 2], numbers[numbers.count - 1])
        let tail = row[qty.range.lowerBound...]
        let rest = String(tail)
        let onlyColumns = columnNoise.stringByReplacingMatches(in: rest, range: NSRange(rest.startIndex..., in: rest), withTemplate: "").isEmpty
        // Prices carry decimals: three bare whole numbers are references ("Pedimento: 26 47 3911 6002184").
        let priced = [unit, amount].allSatisfy { MoneyPattern.decimalPlaces($0.text) > 0 }
        return qty.isCount && onlyColumns && priced ? (qty, unit, amount) : nil
    }

    /// Total, tax and header rows that a loose shape could mistake for a line.
    private static func isSummary(_ description: String) -> Bool {
        let lower = description.lowercased()
        return ["total", "subtotal", "tax", "vat", "mwst", "tva", "gst", "amount", "sku ", "pos ", "qty", "balance",
                "change", "cash", "rounding", "discount", "item(s)", "items"].contains { lower.hasPrefix($0) }
    }
}
