import Foundation
import TriageCore

/// What a parser could read from an invoice's text.
struct InvoiceFields: Sendable {
    var supplier: Supplier?
    /// The supplier's name as written.
    var supplierWritten: String?
    var invoiceNumber: String?
    var invoiceDate: Date?
    var total: Money?
    var currency: String?
    var poNumber: String?
    var tax: Money?
    var lines: [InvoiceLine] = []

    /// Sum of the billed lines (quantity × unit price).
    var lineSum: Money { lines.reduce(Money.zero) { $0 + $1.unitPrice * $1.qty } }

    /// True when lines plus tax add up to the total (a cent of rounding per line allowed).
    var crossChecks: Bool {
        guard let total, !lines.isEmpty else { return false }
        let sum = lineSum + (tax ?? .zero)
        return abs(sum.cents - total.cents) <= Int64(lines.count + 1)
    }
}

/// Reads invoice numbers, PO numbers, dates, totals, tax and currency with patterns; the supplier comes from
/// the directory.
enum InvoiceExtractor {
    static func extract(_ text: String, sender: String?, received: Date, suppliers: [Supplier]) -> InvoiceFields {
        var fields = InvoiceFields()
        if let found = SupplierMatcher(suppliers: suppliers).match(text: text, sender: sender) {
            fields.supplier = found.supplier
            fields.supplierWritten = found.written
        }
        fields.invoiceNumber = invoiceNumber(text)
        fields.poNumber = poNumber(text)
        fields.invoiceDate = date(text, received: received)
        (fields.total, fields.currency) = total(text)
        fields.tax = tax(text)
        fields.lines = InvoiceLineParser.lines(in: text)
        if fields.currency == nil { fields.currency = currency(in: text) }
        return fields
    }

    /// The first token with a digit after "Invoice", "Invoice No/Nr/N°/#", "Rechnung", "Facture".
    static func invoiceNumber(_ text: String) -> String? {
        let pattern = #"(?:invoice|rechnung|facture)\s*(?:#|no\.?|nr\.?|n°|number|num\.?)?\s*[:.]?\s*"#
            + #"([A-Z0-9][A-Z0-9/\-]*\d[A-Z0-9/\-]*)"#
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        for match in regex.matches(in: text, range: range) {
            guard let r = Range(match.range(at: 1), in: text) else { continue }
            let token = String(text[r]).trimmingCharacters(in: CharacterSet(charactersIn: "-/"))
            if !token.uppercased().hasPrefix("PO-"), token.count >= 3 { return token }
        }
        return nil
    }

    /// "PO-7781", "PO 7781", "PO7781" as written (normalised to "PO-7781").
    static func poNumber(_ text: String) -> String? {
        guard let range = text.range(of: #"\bPO[\s\-#:]?\d{3,}\b"#, options: [.regularExpression]) else { return nil }
        let digits = text[range].filter(\.isWholeNumber)
        return "PO-" + digits
    }

    /// The first date not on a mail header line ("Sent:"), read against the received date.
    static func date(_ text: String, received: Date) -> Date? {
        let body = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.lowercased().hasPrefix("sent:") }
            .joined(separator: "\n")
        return DateFinder.dates(in: body, near: received).first?.date
    }

    /// The amount on the last total-like line (not subtotal or net), and the currency named on it.
    static func total(_ text: String) -> (Money?, String?) {
        let labels = ["total", "amount payable", "amount due", "balance due", "gesamtbetrag", "total ttc", "to pay"]
        let excluded = ["subtotal", "sub-total", "total ht", "nettobetrag", "net amount", "total net"]
        var found: (Money?, String?) = (nil, nil)
        for line in text.split(separator: "\n").map(String.init) {
            let lower = line.lowercased()
            guard labels.contains(where: lower.contains), !excluded.contains(where: lower.contains),
                let amount = AmountFinder.amounts(in: line).last
            else { continue }
            found = (amount, currency(in: line))
        }
        return found
    }

    /// The amount on the last tax/VAT line.
    static func tax(_ text: String) -> Money? {
        let labels = ["tax", "vat", "mwst", "tva", "gst", "hst"]
        var found: Money?
        for line in text.split(separator: "\n") {
            let lower = line.lowercased().trimmingCharacters(in: .whitespaces)
            guard labels.contains(where: { lower.hasPrefix($0) || lower.contains("/ \($0)") }),
                !lower.contains("vat id"), let amount = AmountFinder.decimalAmounts(in: String(line)).last
            else { continue }
            found = amount
        }
        return found
    }

    /// An ISO currency code, else a currency symbol.
    static func currency(in text: String) -> String? {
        if let range = text.range(of: #"\b(USD|EUR|GBP|CAD|AUD|CHF|SEK|NOK|DKK|JPY|CNY)\b"#, options: .regularExpression) {
            return String(text[range])
        }
        if text.contains("€") { return "EUR" }
        if text.contains("£") { return "GBP" }
        if text.contains("$") { return "USD" }
        return nil
    }
}
