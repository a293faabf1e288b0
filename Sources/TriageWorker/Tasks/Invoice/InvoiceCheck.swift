import Foundation
import TriageCore

/// The contract's invoice rules, in order: duplicate, no_po, hold_price (> 2 % off the PO's unit price),
/// hold_quantity (more than ordered), else approve.
struct InvoiceCheck: Sendable {
    /// Unit prices may differ from the PO by this share before the invoice is held.
    static let priceTolerance = 0.02

    var action: String
    var purchaseOrder: PurchaseOrder?
    var notes: [String] = []
    /// True when every billed line found its PO line.
    var linesMatched = true

    /// Checks extracted fields against the invoices already received and the purchase order.
    static func check(_ fields: InvoiceFields, reference: any WorkerReference) async throws -> InvoiceCheck {
        if let supplier = fields.supplier, let number = fields.invoiceNumber,
            let seen = try await reference.seenInvoice(supplier: supplier.name, invoiceNumber: number)
        {
            let when = seen.invoiceDate.map { " dated \(ISODate.formatDay($0))" } ?? ""
            return InvoiceCheck(action: "duplicate", notes: ["invoice \(seen.invoiceNumber)\(when) already received"])
        }
        guard let poNumber = fields.poNumber, let po = try await reference.purchaseOrder(number: poNumber) else {
            let why = fields.poNumber.map { "PO \($0) not found" } ?? "no PO number on the invoice"
            return InvoiceCheck(action: "no_po", notes: [why])
        }
        var check = InvoiceCheck(action: "approve", purchaseOrder: po)
        check.compare(fields, with: po)
        return check
    }

    private mutating func compare(_ fields: InvoiceFields, with po: PurchaseOrder) {
        if let supplier = fields.supplier, TextKeys.nameKey(supplier.name) != TextKeys.nameKey(po.supplier) {
            notes.append("PO \(po.poNumber) belongs to \(po.supplier)")
        }
        var priceHeld = false
        var billed: [Int: Int] = [:]
        var open = Array(po.lines.indices)
        for line in fields.lines {
            // A line takes a PO line not billed yet; a second line of an article already billed (a later delivery)
            // adds to it, so quantities are summed per article.
            // A line shares no word with a one-line PO when the two are in other languages; on a longer PO, the
            // line left over is not the freight's.
            guard let index = Self.matchingLine(line, in: open.map { po.lines[$0] }, loneLineMatches: po.lines.count == 1)
                .map({ open[$0] })
                ?? Self.matchingLine(line, in: po.lines, loneLineMatches: false)
            else {
                linesMatched = false
                notes.append("line \"\(line.description.prefix(40))\" not on PO \(po.poNumber)")
                continue
            }
            open.removeAll { $0 == index }
            let ordered = po.lines[index]
            billed[index, default: 0] += line.qty
            let variance = Double(line.unitPrice.cents - ordered.unitPrice.cents) / Double(max(ordered.unitPrice.cents, 1))
            if abs(variance) > Self.priceTolerance {
                priceHeld = true
                notes.append("unit price \(line.unitPrice) vs PO \(ordered.unitPrice) (\(Self.percent(variance)))")
            }
        }
        var quantityHeld = false
        for (index, quantity) in billed.sorted(by: { $0.key < $1.key }) where quantity > po.lines[index].qty {
            quantityHeld = true
            notes.append("billed \(quantity) × \(po.lines[index].sku), ordered \(po.lines[index].qty)")
        }
        if fields.lines.isEmpty { notes.append("no billed lines could be read; PO not compared line by line") }
        action = priceHeld ? "hold_price" : quantityHeld ? "hold_quantity" : "approve"
    }

    /// The PO line with the same SKU, else the one sharing most description words, else the only one (when
    /// `loneLineMatches`).
    static func matchingLine(_ line: InvoiceLine, in lines: [OrderLine], loneLineMatches: Bool = true) -> Int? {
        if let sku = line.sku, let index = lines.firstIndex(where: { $0.sku.uppercased() == sku.uppercased() }) {
            return index
        }
        let words = TextFolding.contentTokens(line.description)
        let ranked = lines.enumerated().map { entry in
            (index: entry.offset, overlap: TextFolding.contentTokens(entry.element.description).intersection(words).count,
             gap: abs(entry.element.unitPrice.cents - line.unitPrice.cents))
        }.sorted { $0.overlap != $1.overlap ? $0.overlap > $1.overlap : $0.gap < $1.gap }
        guard let best = ranked.first else { return nil }
        return best.overlap > 0 || loneLineMatches && lines.count == 1 ? best.index : nil
    }

    private static func percent(_ share: Double) -> String {
        String(format: "%+.1f %%", share * 100)
    }
}
