import Foundation
import TriageCore

/// Extracts a supplier invoice's fields, checks them against received invoices and the purchase order, and asks
/// the model only for fields the parsers could not read.
struct InvoiceTask: Sendable {
    let reference: any WorkerReference
    let model: TaskModel?

    func run(_ input: TaskInput) async throws(ChatError) -> Suggestion {
        let screen = InjectionScreen(input.text)
        let suppliers: [Supplier]
        do {
            suppliers = try await reference.suppliers()
        } catch {
            return Suggestion.unavailable(.invoice, error: error)
        }
        var fields = InvoiceExtractor.extract(
            screen.cleaned, sender: input.string("sender"), received: input.receivedAt, suppliers: suppliers)
        let fill = try await fillMissing(&fields, suppliers: suppliers, text: screen.cleaned, received: input.receivedAt)
        var suggestion: Suggestion
        do {
            let found = try await PurchaseOrderFinder(reference: reference).find(fields, text: screen.cleaned)
            if let found { fields.use(found) }
            suggestion = try await makeSuggestion(fields, screen: screen)
            if case .matched(let po, let how)? = found {
                suggestion.notes.append("no PO printed; PO \(po.poNumber) taken because \(how)")
                if suggestion.confidence == .high { suggestion.confidence = .medium }
            }
        } catch {
            return Suggestion.unavailable(.invoice, error: error)
        }
        if let model, let fill { fill.annotate(&suggestion, promptVersion: model.version(.invoice)) }
        return suggestion
    }

    /// Asks the model only for what the parsers could not read; nil when there is no model or nothing is missing.
    /// (A reading of fields already parsed changed no answer on real data, so it is not made: docs/decisions.md.)
    private func fillMissing(
        _ fields: inout InvoiceFields, suppliers: [Supplier], text: String, received: Date
    ) async throws(ChatError) -> InvoiceFill.Report? {
        let missing = missing(fields)
        guard let model, !missing.isEmpty else { return nil }
        return try await InvoiceFill(model: model, suppliers: suppliers).fill(
            &fields, missing: missing, text: text, received: received)
    }

    /// The fields the parsers left empty that a model may fill (never the PO number: none found means no_po).
    func missing(_ fields: InvoiceFields) -> [String] {
        var names: [String] = []
        if fields.supplier == nil { names.append("supplier") }
        if fields.invoiceNumber == nil { names.append("invoice_number") }
        if fields.invoiceDate == nil { names.append("invoice_date") }
        if fields.total == nil { names.append("total") }
        if fields.currency == nil { names.append("currency") }
        return names
    }

    private func makeSuggestion(_ fields: InvoiceFields, screen: InjectionScreen) async throws -> Suggestion {
        var fields = fields
        let check = try await InvoiceCheck.check(fields, reference: reference)
        if fields.currency == nil { fields.currency = check.purchaseOrder?.currency }
        // "$" is the sign of a dozen currencies: a PO on file names the one meant, unless the code is printed.
        if let po = check.purchaseOrder, let read = fields.currency, read != po.currency, !screen.cleaned.contains(read) {
            fields.currency = po.currency
        }
        if fields.currency == nil || !screen.cleaned.contains(fields.currency ?? ""), check.purchaseOrder == nil {
            fields.currency = try await supplierCurrency(fields) ?? fields.currency
        }
        var suggestion = Suggestion(
            task: .invoice, action: check.action, parameters: Self.parameters(fields),
            candidates: check.purchaseOrder.map { [Self.evidence($0)] } ?? [], evidence: Self.evidence(fields, screen.cleaned),
            confidence: Self.deducts(screen.cleaned) ? min(confidence(fields, check: check), .medium) : confidence(fields, check: check),
            notes: check.notes + supplierNotes(fields) + crossCheckNotes(fields))
        if screen.flagged { suggestion.flagInjection(screen) }
        return suggestion
    }

    /// The one currency the supplier's POs on file are all in, for an invoice that prints no code and names no PO
    /// (a reminder, a re-sent copy, a service invoice): "kr" from a Danish supplier is DKK.
    private func supplierCurrency(_ fields: InvoiceFields) async throws -> String? {
        guard let supplier = fields.supplier else { return nil }
        let currencies = Set(try await reference.purchaseOrders(supplier: supplier.name).map(\.currency))
        return currencies.count == 1 ? currencies.first : nil
    }

    /// High only when every field was read, the supplier is in the directory and the reading reconciles (lines and
    /// tax add up to the total); a supplier read from the head of the document alone caps it at medium, and so does
    /// an answer that rests on something not found (`no_po`).
    private func confidence(_ fields: InvoiceFields, check: InvoiceCheck) -> Confidence {
        let read = fields.invoiceNumber != nil && fields.total != nil && fields.invoiceDate != nil && fields.currency != nil
        let complete = fields.supplier != nil && read
        if check.action == "duplicate" { return complete && fields.poNumber != nil && fields.crossChecks ? .high : .medium }
        // A receipt names no invoice number: its supplier's name, date and total are what it can be checked by.
        if fields.supplier == nil, fields.headSupplier != nil, fields.total != nil, fields.invoiceDate != nil {
            return .medium
        }
        guard complete else { return .low }
        // "No PO" is an absence: a reference printed in a form not recognised looks the same, so never high.
        if check.action == "no_po" { return .medium }
        return fields.crossChecks && check.linesMatched && Self.distinctive(fields.invoiceNumber) ? .high : .medium
    }

    /// True when the invoice subtracts an amount (a deposit already paid, a credit, withheld tax): the amount
    /// payable is then not the sum of the lines, and a reading of it is not certain enough for high.
    static func deducts(_ text: String) -> Bool {
        text.range(of: #"(?<![\w/.\-])(-\s?|\()\d{1,3}(?:[.,' ]?\d{3})*[.,]\d{2}\b"#, options: .regularExpression) != nil
    }

    /// An invoice number a clerk would not mistake for something else: letters in it, or five digits or more. A
    /// short bare number may as well be a year, a house number or a quantity read from the wrong line.
    static func distinctive(_ number: String?) -> Bool {
        guard let number else { return false }
        return number.contains(where: \.isLetter) || number.filter(\.isNumber).count >= 5
    }

    private func supplierNotes(_ fields: InvoiceFields) -> [String] {
        guard fields.supplier == nil else { return [] }
        guard let head = fields.headSupplier else { return ["supplier not recognised: not in the directory, no name at the head"] }
        return ["supplier \"\(head)\" is not in the supplier directory (read from the head of the document)"]
    }

    private func crossCheckNotes(_ fields: InvoiceFields) -> [String] {
        guard let total = fields.total, !fields.lines.isEmpty else { return ["total not cross-checked: no lines read"] }
        let sum = fields.lineSum + (fields.tax ?? .zero)
        return fields.crossChecks
            ? ["lines \(fields.lineSum) + tax \(fields.tax ?? .zero) = total \(total)"]
            : ["lines + tax = \(sum), but the total reads \(total)"]
    }

    static func parameters(_ fields: InvoiceFields) -> [String: JSONValue] {
        func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        return [
            "supplier": string(fields.supplierName), "supplier_as_written": string(fields.supplierWritten),
            "invoice_number": string(fields.invoiceNumber), "invoice_date": string(fields.invoiceDate.map(ISODate.formatDay)),
            "total": string(fields.total?.description), "currency": string(fields.currency),
            "po_number": string(fields.poNumber), "tax": string(fields.tax?.description),
            "lines": .array(fields.lines.map(\.json)),
        ]
    }

    static func evidence(_ po: PurchaseOrder) -> CandidateEvidence {
        CandidateEvidence(
            id: po.poNumber, label: "\(po.poNumber) · \(po.supplier) · \(po.total) \(po.currency)", score: 1,
            reasons: ["PO number on the invoice"])
    }

    static func evidence(_ fields: InvoiceFields, _ text: String) -> [String] {
        let needles = [fields.invoiceNumber, fields.poNumber, fields.total.map { _ in "total" }].compactMap { $0 }
        return needles.compactMap { Evidence.quote($0, in: text) }.reduce(into: []) { quotes, quote in
            if !quotes.contains(quote) { quotes.append(quote) }
        }
    }
}
