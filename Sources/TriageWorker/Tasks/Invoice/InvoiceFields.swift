import Foundation
import TriageCore

/// What a parser could read from an invoice's text.
struct InvoiceFields: Sendable {
    var supplier: Supplier?
    /// The supplier's name as written.
    var supplierWritten: String?
    /// The legal entity at the head of the document, read when the directory knows no supplier in the text.
    var headSupplier: String?
    /// The directory supplier's name, else the head entity's.
    var supplierName: String? { supplier?.name ?? headSupplier }
    var invoiceNumber: String?
    var invoiceDate: Date?
    var total: Money?
    var currency: String?
    var poNumber: String?
    var tax: Money?
    var lines: [InvoiceLine] = []

    /// Takes the PO the finder found on file, in its stored form.
    mutating func use(_ found: PurchaseOrderFinder.Found) {
        switch found {
        case .printed(let po), .matched(let po, _): poNumber = po.poNumber
        }
    }

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
/// the directory, else from the head of the document.
enum InvoiceExtractor {
    static func extract(_ text: String, sender: String?, received: Date, suppliers: [Supplier]) -> InvoiceFields {
        var fields = InvoiceFields()
        let body = MailHeader.strip(text)
        if let found = SupplierMatcher(suppliers: suppliers).match(text: text, sender: sender) {
            fields.supplier = found.supplier
            fields.supplierWritten = found.written
        } else if let head = SupplierHead.name(in: body) {
            fields.headSupplier = head
            fields.supplierWritten = head
        }
        // A one-row table printed in columns is read across, label by value, after the text itself.
        let table = ColumnTable.pairs(in: body)
        fields.invoiceNumber = invoiceNumber(([text] + table.map(\.text)).joined(separator: "\n"))
        fields.poNumber = poNumber(text) ?? PurchaseOrderLabel.references(in: text).first
        fields.invoiceDate = InvoiceDate.date(([body] + table.map(\.text)).joined(separator: "\n"), received: received)
        fields.lines = InvoiceLineParser.lines(in: body)
        if fields.lines.isEmpty, let line = KeyValueLine.line(in: body) { fields.lines = [line] }
        let amountLines = AmountLine.lines(of: body) + table.map { AmountLine($0.text, index: $0.line) }
        fields.tax = tax(amountLines)
        (fields.total, fields.currency) = total(body, amountLines, fields: fields)
        if CreditNote.says(body), let total = fields.total { fields.total = Money(cents: -abs(total.cents)) }
        if fields.currency == nil { fields.currency = currency(in: text) }
        return fields
    }

    /// The words suppliers put before an invoice (or credit note) number, in the languages they write.
    static let invoiceLabels =
        #"(?:tax invoice|invoice(?:[^\S\n]+(?:no\.?[^\S\n]+)?(?:&|and)[^\S\n]+date)?|rechnungsnummer|rechnungs-?nr|rechnung|gutschrift|"#
        + #"facture|avoir|factura|fattura(?: accompagnatoria| differita| immediata)?|nota di credito|"#
        + #"nota de cr[eé]dito|nota fiscal|n[uú]mero da nota|credit note|factuurnummer|factuur|fakturanummer|"#
        + #"faktur[ay](?: vat| korygująca)?|serie y folio|folio|documento|proforma(?: invoice)?|p/?i(?= ?no)|"#
        + #"inv\b\.?|factuurnr|fakturanr|fakturanummer|lasku(?:n)?(?: numero| nro)?|laskunro|fatura|"#
        + #"τιμολόγιο|τιμολογίου|factură|számla(?:szám| sorszáma)?|sorszám|세금계산서|거래명세서|청구서|송장|인보이스|"#
        + #"ใบแจ้งหนี้|ใบกำกับภาษี|arve|faktúra|faktúry|račun|racun|sąskaita(?: faktūra)?|rēķins|rēķina|счёт-фактура|"#
        + #"счет-фактура|счёт|счет|рахунок|faktur|invois|hóa đơn|hoá đơn|发票号码|发票|發票|"#
        + #"請求書番号|請求番号|伝票番号|インボイス番号|請求書|(?<![a-z])n[º°])"#

    /// A label, the words that say "number" after it (on the next line when the label stands alone: "INVOICE" over
    /// "No.: SP-0107"), then the number on the same line as they: one token with a digit, or a short upper-case
    /// series before a token with `/` or `-` ("FV 44/03/2026"). A number on the line below a bare label is an
    /// address more often than not.
    static let invoiceNumberPattern = ConstantPattern.compile(
        invoiceLabels
            + #"(?:\s*(?:#|no\.?|nr\.?|n[°º]\.?|n\.|number|num\.?|nummer|numero|número|numéro|số|č\.?|číslo|nro|numarası|番号|αρ\.?|αριθμός|sorszáma|szám|번호|"#
            + #"เลขที่|№|br\.?|št\.?|numurs|numeris|nomor)|[^\S\n]*(?:vat|:|/))*"#
            + #"[^\S\n]*[:.]?[^\S\n]*"#
            + #"((?:(?-i:[A-Z]{1,4}) (?=[A-Z0-9]*[/\-]))?(?=[A-Z0-9/\-.]*\d)[A-Z0-9][A-Z0-9/\-.]*)"#,
        options: [.caseInsensitive])

    /// The first token with a digit after an invoice label in any of the suppliers' languages (``invoiceLabels``).
    static func invoiceNumber(_ text: String) -> String? {
        let regex = invoiceNumberPattern
        let range = NSRange(text.startIndex..., in: text)
        for match in regex.matches(in: text, range: range) {
            guard let r = Range(match.range(at: 1), in: text) else { continue }
            let token = String(text[r]).trimmingCharacters(in: CharacterSet(charactersIn: "-/."))
            if !token.uppercased().hasPrefix("PO-"), token.count >= 3 { return token }
        }
        // A number that labels itself: "INV-558499 - dated 3/10/2026".
        return text.range(of: #"(?<![\w\-/])INV-?\d[A-Z0-9/\-]*\b"#, options: .regularExpression).map { String(text[$0]) }
    }

    /// "PO-7781", "PO 7781", "PO7781" as written (normalised to "PO-7781").
    static func poNumber(_ text: String) -> String? {
        guard let range = text.range(of: #"\bPO[\s\-#:]?\d{3,}\b"#, options: [.regularExpression]) else { return nil }
        let digits = text[range].filter(\.isWholeNumber)
        return "PO-" + digits
    }

    /// The amount payable (see ``InvoiceTotal``), confirmed by the billed lines when they add up, and the currency
    /// named on its line.
    static func total(_ text: String, _ lines: [AmountLine], fields: InvoiceFields) -> (Money?, String?) {
        let amounts = fields.lines.compactMap(\.amount)
        var sums: [Money] = []
        if !amounts.isEmpty {
            let sum = amounts.reduce(Money.zero, +)
            sums = [sum, sum + (fields.tax ?? .zero)]
        }
        guard let found = InvoiceTotal.find(lines, lineSums: sums) else { return (nil, nil) }
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (found.amount, found.line < rows.count ? currency(in: String(rows[found.line])) : nil)
    }

    /// The amount on the last tax line that carries exactly one amount.
    static func tax(_ lines: [AmountLine]) -> Money? {
        lines.last { AmountLabel($0.words) == .tax && $0.distinctAmounts.count == 1 }?.amounts.first
    }

    /// An ISO currency code, else the currency a sign or word names ("R$" is BRL, "zł" PLN, "₹" and "Rs." INR,
    /// "Fr." CHF); a sign several currencies share ("$", "kr", "¥") gives way to the PO's currency (``InvoiceTask``).
    static func currency(in text: String) -> String? {
        let range = NSRange(text.startIndex..., in: text)
        if let match = MoneyPattern.code.firstMatch(in: text, range: range), let code = Range(match.range, in: text) {
            return String(text[code])
        }
        return currencySigns.first { $0.0.firstMatch(in: text, range: range) != nil }?.1
    }

    /// Signs and words of currencies, most specific first.
    private static let currencySigns: [(NSRegularExpression, String)] = [
        (#"R\$"#, "BRL"), (#"S\$"#, "SGD"), (#"US\$"#, "USD"), ("€", "EUR"), ("£", "GBP"), ("₹", "INR"),
        (#"\bRs\.?\s?\d|\b(?:Rupees|rupees)\b"#, "INR"), ("zł", "PLN"), (#"\bFr\.\s?\d"#, "CHF"),
        (#"(?:^|\s)R\s?\d"#, "ZAR"), ("₩|원", "KRW"), ("฿|บาท", "THB"), (#"\d\s?Ft\b"#, "HUF"), (#"\d\s?lei\b"#, "RON"),
        ("₺", "TRY"), (#"RMB|元|[¥￥]"#, "CNY"), (#"\d\s?kr\b|\bkr\.?\s?\d"#, "SEK"), (#"\$"#, "USD"),
    ].map { (ConstantPattern.compile($0.0), $0.1) }
}
