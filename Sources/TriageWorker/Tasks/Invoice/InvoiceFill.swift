import Foundation
import TriageCore

/// Asks the model for invoice fields the parsers missed, and accepts only what the text itself bears out: a
/// directory supplier, an invoice number that occurs in the text, a date and an amount found in the text.
struct InvoiceFill: Sendable {
    let model: TaskModel
    let suppliers: [Supplier]

    /// A validated fill: the values for missing fields only.
    struct Values: Sendable {
        var supplier: Supplier?
        var invoiceNumber: String?
        var invoiceDate: Date?
        var total: Money?
        var currency: String?
    }

    static let currencies = ["USD", "EUR", "GBP", "CAD", "AUD", "CHF", "SEK", "unknown"]

    /// What a fill did, for the card: the model's usage, notes, and whether a value the text does not bear out
    /// was discarded (the card is then flagged).
    struct Report: Sendable {
        let usage: ModelUsage
        let notes: [String]
        let discarded: Bool

        /// Adds the notes, the flag and the usage to the card's suggestion.
        func annotate(_ suggestion: inout Suggestion, promptVersion: String) {
            suggestion.notes += notes
            if discarded { suggestion.flags.append("model_value_discarded") }
            suggestion.record(usage, version: promptVersion)
        }
    }

    /// Fills `fields` where empty, with what the text bears out.
    func fill(_ fields: inout InvoiceFields, missing: [String], text: String, received: Date) async throws(ChatError)
        -> Report
    {
        let names = suppliers.map(\.name) + ["unknown"]
        let context: [String: Any] = [
            "missing": missing.joined(separator: ", "), "suppliers": names.dropLast().joined(separator: "; "),
            "text": PromptText.delimitable(text, limit: 1_200),
        ]
        let outcome = try await model.ask(
            .invoice, context: context, enums: ["supplier": names, "currency": Self.currencies]
        ) { reply in validate(reply, text: text, received: received) }
        guard let values = outcome.reply else {
            let note = "model reply invalid: \(outcome.invalidReason ?? "unknown"); fields left empty"
            return Report(usage: outcome.usage, notes: [note], discarded: false)
        }
        var filled: [String] = []
        var notes: [String] = []
        if fields.supplier == nil, let supplier = values.supplier {
            if Self.occurs(supplier, in: text) {
                fields.supplier = supplier
                filled.append("supplier")
            } else {
                notes.append("model named supplier \(supplier.name), which the text does not contain; discarded")
            }
        }
        if fields.invoiceNumber == nil, let number = values.invoiceNumber { fields.invoiceNumber = number; filled.append("invoice_number") }
        if fields.invoiceDate == nil, let date = values.invoiceDate { fields.invoiceDate = date; filled.append("invoice_date") }
        if fields.total == nil, let total = values.total { fields.total = total; filled.append("total") }
        if fields.currency == nil, let currency = values.currency { fields.currency = currency; filled.append("currency") }
        let note = filled.isEmpty ? "model found none of: \(missing.joined(separator: ", "))"
            : "filled by the model (checked against the text): \(filled.joined(separator: ", "))"
        return Report(usage: outcome.usage, notes: [note] + notes, discarded: !notes.isEmpty)
    }

    /// True when a line of the text carries the supplier's name or an alias (letters and digits compared, within
    /// a 10 % edit distance for OCR noise).
    static func occurs(_ supplier: Supplier, in text: String) -> Bool {
        let lines = text.split(separator: "\n").map { TextKeys.nameKey(String($0)) }
        return ([supplier.name] + supplier.aliases).contains { name in
            let key = TextKeys.nameKey(name)
            guard key.count >= 3 else { return false }
            let limit = key.count / 10
            return lines.contains { line in
                line.contains(key) || abs(line.count - key.count) <= limit && EditDistance.between(line, key) <= limit
            }
        }
    }

    /// Rejects values the text does not contain; "unknown" and empty strings mean "not found".
    func validate(_ reply: JSONValue, text: String, received: Date) -> Result<Values, ReplyError> {
        var values = Values()
        let known = { (key: String) -> String? in
            guard let value = reply[key]?.text?.trimmingCharacters(in: .whitespaces), !value.isEmpty,
                value.lowercased() != "unknown"
            else { return nil }
            return value
        }
        if let name = known("supplier") {
            guard let supplier = suppliers.first(where: { $0.name == name }) else {
                return .failure(ReplyError("supplier must be one of the listed names"))
            }
            values.supplier = supplier
        }
        if let number = known("invoice_number") {
            guard TextKeys.idKey(text).contains(TextKeys.idKey(number)), TextKeys.idKey(number).count >= 3 else {
                return .failure(ReplyError("invoice_number \(number.prefix(40)) does not occur in the text"))
            }
            values.invoiceNumber = number
        }
        if let written = known("invoice_date") {
            let inText = DateFinder.dates(in: text, near: received).flatMap(\.readings)
            guard let date = ISODate.parse(written), inText.contains(date) else {
                return .failure(ReplyError("invoice_date must be YYYY-MM-DD of a date in the text"))
            }
            values.invoiceDate = date
        }
        if let written = known("total") {
            let amounts = text.split(separator: "\n").flatMap { AmountFinder.amounts(in: String($0)) }
                + AmountLine.lines(of: text).flatMap(\.amounts)
            guard let total = Money(written), amounts.contains(total) else {
                return .failure(ReplyError("total must be an amount printed in the text"))
            }
            values.total = total
        }
        values.currency = known("currency")
        return .success(values)
    }
}
