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

/// Reads billed lines in the layouts suppliers use: SKU tables, "50 x 89.99", "25x Item @ 14.79",
/// "Item ..... 100 @ 6.50 = 650.00" and European position tables with comma decimals.
enum InvoiceLineParser {
    private static let number = #"(\d{1,3}(?:[.,]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)"#
    private static let money = #"(?:[$€£]\s?)?"# + number + #"(?:\s?[A-Z]{3})?"#

    private static let shapes: [(pattern: String, read: @Sendable ([String]) -> InvoiceLine?)] = [
        // SKU  Description  Qty  Unit  Amount
        (#"^\s*([A-Z]{2,5}-\d{1,5}[A-Z]?)\s{2,}(.+?)\s{2,}(\d+)\s+"# + money + #"\s+"# + money + #"\s*$"#,
         { g in line(sku: g[0], g[1], qty: g[2], unit: g[3], amount: g[4]) }),
        // Pos  Description  Qty  Unit CUR  Amount CUR
        (#"^\s*\d{1,3}\s{2,}(.+?)\s{2,}(\d+)\s+"# + money + #"\s+"# + money + #"\s*$"#,
         { g in line(sku: nil, g[0], qty: g[1], unit: g[2], amount: g[3]) }),
        // Description ..... 100 @ 6.50 = 650.00
        (#"^\s*(.+?)\s*\.{3,}\s*(\d+)\s*@\s*"# + money + #"\s*=\s*"# + money + #"\s*$"#,
         { g in line(sku: nil, g[0], qty: g[1], unit: g[2], amount: g[3]) }),
        // Description  50 x 89.99  4,499.50
        (#"^\s*(.+?)\s+(\d+)\s*[x×]\s*"# + money + #"\s+"# + money + #"\s*$"#,
         { g in line(sku: nil, g[0], qty: g[1], unit: g[2], amount: g[3]) }),
        // 25x Description @ 14.79
        (#"^\s*(\d+)\s*[x×]\s+(.+?)\s+@\s*"# + money + #"\s*$"#,
         { g in line(sku: nil, g[1], qty: g[0], unit: g[2], amount: nil) }),
    ]

    private static let compiled: [(NSRegularExpression, @Sendable ([String]) -> InvoiceLine?)] = shapes.compactMap {
        shape in (try? NSRegularExpression(pattern: shape.pattern)).map { ($0, shape.read) }
    }

    /// The billed lines of `text`, in order.
    static func lines(in text: String) -> [InvoiceLine] {
        text.split(separator: "\n").compactMap { parse(String($0)) }
    }

    static func parse(_ row: String) -> InvoiceLine? {
        let range = NSRange(row.startIndex..., in: row)
        for (regex, read) in compiled {
            guard let match = regex.firstMatch(in: row, range: range) else { continue }
            let groups = (1..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: row).map { String(row[$0]) } ?? ""
            }
            if let line = read(groups), !isSummary(line.description) { return line }
        }
        return nil
    }

    private static func line(sku: String?, _ description: String, qty: String, unit: String, amount: String?)
        -> InvoiceLine?
    {
        guard let qty = Int(qty), qty > 0, let unitPrice = Money(unit) else { return nil }
        let text = description.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ".")))
        return InvoiceLine(sku: sku, description: text, qty: qty, unitPrice: unitPrice, amount: amount.flatMap(Money.init))
    }

    /// Total, tax and header rows that a loose shape could mistake for a line.
    private static func isSummary(_ description: String) -> Bool {
        let lower = description.lowercased()
        return ["total", "subtotal", "tax", "vat", "mwst", "tva", "amount", "sku ", "pos "].contains {
            lower.hasPrefix($0)
        }
    }
}
