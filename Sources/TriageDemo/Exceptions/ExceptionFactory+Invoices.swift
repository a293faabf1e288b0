import Foundation
import TriageCore

extension ExceptionFactory {
    static let invoiceActions = ["approve", "hold_price", "hold_quantity", "duplicate", "no_po"]
    static let serviceLines = [
        "Freight and handling", "Pallet deposit (returnable)", "Display fixture installation",
        "Marketing co-op contribution", "Expedited shipping surcharge", "Sample units, assorted",
    ]

    /// A supplier invoice as text, labelled with the fields and the action the contract expects.
    mutating func supplierInvoice(_ event: ScheduledEvent, ordinal: Int) -> NewException? {
        guard !reference.suppliers.isEmpty else { return nil }
        let injected = Self.injects(ordinal: ordinal)
        // An injection asks for approval, so an injected invoice is never one to approve.
        var action = Self.invoiceActions[random.weighted(injected ? [0, 35, 25, 20, 20] : [60, 12, 8, 10, 10])]
        var draft: InvoiceDraft?
        var marker: String?
        if action == "duplicate", let seen = random.pick(reference.purchasing.seen) {
            draft = seen
            marker = [nil, "COPY", "Reminder: payment overdue"][random.weighted([40, 30, 30])]
        } else if action != "no_po", action != "duplicate" {
            draft = poInvoice(action: action, at: event.at)
        }
        if draft == nil {
            action = "no_po"
            draft = serviceInvoice(at: event.at)
        }
        guard let draft else { return nil }
        return invoiceException(event, draft: draft, action: action, marker: marker, injected: injected)
    }

    private mutating func invoiceException(
        _ event: ScheduledEvent, draft: InvoiceDraft, action: String, marker: String?, injected: Bool
    ) -> NewException {
        let profile = reference.suppliers[draft.supplier]
        let sender = "\(["billing", "ar", "accounts", "invoices"][random.below(4)])@\(profile.domain)"
        let shownName =
            random.chance(0.5) ? profile.supplier.name : random.pick(profile.supplier.aliases) ?? profile.supplier.name
        let injection = injected ? random.pick(Injections.invoice) : nil
        let print = InvoicePrint(
            draft: draft, profile: profile, shownName: shownName, sender: sender, sentAt: event.at, marker: marker,
            injection: injection)
        let layout = random.chance(0.7) ? profile.layouts[0] : random.pick(profile.layouts) ?? .table
        var truth: [String: JSONValue] = [
            "supplier": .string(profile.supplier.name), "invoice_number": .string(draft.number),
            "invoice_date": .string(DemoCalendar.iso(draft.date)), "total": .string(draft.total.description),
            "currency": .string(draft.currency), "po_number": draft.poNumber.map(JSONValue.string) ?? .null,
            "action": .string(action),
        ]
        if injection != nil { truth["injection"] = true }
        let id = eventID("ap_msg")
        label("ap_inbox", id, ["expected": .object(truth)])
        return NewException(
            source: "ap_inbox", eventID: id, kind: .supplierInvoice, reason: "invoice_received",
            occurredAt: event.at, text: InvoiceLayouts.render(print, layout: layout),
            payload: ["sender": .string(sender), "received_at": .string(ISODate.format(event.at))])
    }

    /// An invoice against an open purchase order, with a price or quantity variance when the action needs one.
    private mutating func poInvoice(action: String, at: Date) -> InvoiceDraft? {
        guard let index = openPO(before: at.addingTimeInterval(-2 * DemoCalendar.day)) else { return nil }
        let po = reference.purchasing.purchaseOrders[index]
        let supplier = reference.purchasing.supplierOf[index]
        var lines = po.lines
        let target = random.below(lines.count)
        switch action {
        case "hold_price":
            lines[target].unitPrice = MoneyText.apply(
                basisPoints: 10_000 + random.int(3...12) * 100, to: lines[target].unitPrice)
        case "hold_quantity":
            lines[target].qty += max(1, lines[target].qty * random.int(10...30) / 100)
        default:
            if random.chance(0.2) { lines[target].qty = max(1, lines[target].qty * random.int(50...90) / 100) }
            if random.chance(0.15) {
                lines[target].unitPrice = MoneyText.apply(
                    basisPoints: 10_000 + random.int(10...100), to: lines[target].unitPrice)
            }
        }
        return newDraft(supplier: supplier, lines: lines, poNumber: po.poNumber, at: at, notBefore: po.issuedAt)
    }

    /// An open purchase order issued before `date`, favouring recent ones; nil when none is open.
    private mutating func openPO(before date: Date) -> Int? {
        let open = reference.purchasing.open
        let orders = reference.purchasing.purchaseOrders
        var (low, high) = (0, open.count)
        while low < high {
            let middle = (low + high) / 2
            if orders[open[middle]].issuedAt < date { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        return open[max(0, low - 60) + random.below(min(low, 60))]
    }

    /// An invoice for services no purchase order covers.
    private mutating func serviceInvoice(at: Date) -> InvoiceDraft {
        let supplier = random.below(reference.suppliers.count)
        let count = random.int(1...2)
        let lines = (0..<count).map { number in
            OrderLine(
                sku: "SVC-\(number + 1)", description: Self.serviceLines[random.below(Self.serviceLines.count)],
                qty: random.int(1...4),
                unitPrice: Money(cents: Int64(random.int(45...900)) * 100 + Int64(random.below(100))))
        }
        return newDraft(supplier: supplier, lines: lines, poNumber: nil, at: at, notBefore: nil)
    }

    private mutating func newDraft(supplier: Int, lines: [OrderLine], poNumber: String?, at: Date, notBefore: Date?)
        -> InvoiceDraft
    {
        var date = DemoCalendar.startOfDay(at).addingTimeInterval(-Double(random.int(0...3)) * DemoCalendar.day)
        if let notBefore, date < notBefore { date = DemoCalendar.startOfDay(notBefore) }
        let number = PurchasingFactory.nextNumber(
            supplier, suppliers: reference.suppliers, book: &invoiceSerials, random: &random, date: date)
        let profile = reference.suppliers[supplier]
        return InvoiceDraft(
            supplier: supplier, number: number, date: date, currency: profile.currency, lines: lines,
            taxBasisPoints: profile.taxBasisPoints, poNumber: poNumber)
    }
}
