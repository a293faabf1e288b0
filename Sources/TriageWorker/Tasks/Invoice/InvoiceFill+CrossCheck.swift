import Foundation
import TriageCore

extension InvoiceFill {
    /// The outcome of asking the model to read fields the parsers already read.
    struct CrossCheck: Sendable {
        var usage: ModelUsage
        var notes: [String]
        /// What the model read differently, when it did; the parsers' values stand.
        var disagreement: String?
    }

    static let crossCheckedFields = ["supplier", "invoice_number", "invoice_date", "total", "currency"]

    /// Asks the model for every field and compares with the parsers' reading. The model never overrides a parsed
    /// field: a different (text-backed) value lowers confidence and is noted on the card.
    func crossCheck(_ fields: InvoiceFields, text: String, received: Date) async throws(ChatError) -> CrossCheck {
        var modelFields = InvoiceFields()
        let outcome = try await fill(&modelFields, missing: Self.crossCheckedFields, text: text, received: received)
        let differences = Self.differences(parsed: fields, model: modelFields)
        guard !differences.isEmpty else {
            return CrossCheck(usage: outcome.usage, notes: ["model cross-check agreed with the parsed fields"])
        }
        let disagreement = "model read " + differences.joined(separator: ", ") + "; kept the parsed values"
        return CrossCheck(usage: outcome.usage, notes: [], disagreement: disagreement)
    }

    /// Fields where the model gave a value and it differs from the parsed one.
    static func differences(parsed: InvoiceFields, model: InvoiceFields) -> [String] {
        var differences: [String] = []
        if let name = model.supplier?.name, name != parsed.supplier?.name { differences.append("supplier \(name)") }
        if let number = model.invoiceNumber, TextFolding.idKey(number) != TextFolding.idKey(parsed.invoiceNumber ?? "") {
            differences.append("invoice number \(number)")
        }
        if let date = model.invoiceDate, date != parsed.invoiceDate { differences.append("date \(ISODate.formatDay(date))") }
        if let total = model.total, total != parsed.total { differences.append("total \(total)") }
        if let currency = model.currency, currency != parsed.currency { differences.append("currency \(currency)") }
        return differences
    }
}
