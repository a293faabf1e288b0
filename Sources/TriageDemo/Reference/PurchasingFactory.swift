import Foundation
import TriageCore

/// An invoice's content before it is printed in a supplier's layout.
struct InvoiceDraft: Sendable {
    /// Index into `SupplierDirectory.all`.
    let supplier: Int
    let number: String
    let date: Date
    let currency: String
    let lines: [OrderLine]
    let taxBasisPoints: Int
    let poNumber: String?

    var subtotal: Money { lines.reduce(Money.zero) { $0 + $1.unitPrice * $1.qty } }
    var tax: Money { MoneyText.apply(basisPoints: taxBasisPoints, to: subtotal) }
    var total: Money { subtotal + tax }
}

/// Purchase orders, the invoices already received against them, and the POs still open.
struct PurchasingBook: Sendable {
    var purchaseOrders: [PurchaseOrder] = []
    /// For each purchase order, the index of its supplier.
    var supplierOf: [Int] = []
    /// Invoices already received, as drafts so a duplicate can be printed again.
    var seen: [InvoiceDraft] = []
    /// Purchase orders not yet invoiced, oldest first.
    var open: [Int] = []
    /// Each supplier's next invoice serial.
    var nextSerial: [Int] = []
}

/// Makes purchase orders over the history window and the invoices already received for the older ones.
struct PurchasingFactory {
    static let quantities = [12, 24, 25, 36, 48, 50, 60, 100, 120, 200]
    var random: DemoRandom
    let catalog: [CatalogItem]
    let suppliers: [SupplierProfile]
    let end: Date
    let historyDays: Int

    /// Makes `count` purchase orders numbered PO-24001… in the order they were issued.
    mutating func make(count: Int) -> PurchasingBook {
        var book = PurchasingBook()
        guard !suppliers.isEmpty, !catalog.isEmpty else { return book }
        book.nextSerial = suppliers.map { _ in random.int(10_000...80_000) }
        var drafts = (0..<max(count, 0)).map { _ in draftPO() }
        drafts.sort { $0.issuedAt == $1.issuedAt ? $0.supplier < $1.supplier : $0.issuedAt < $1.issuedAt }
        for (index, draft) in drafts.enumerated() {
            let profile = suppliers[draft.supplier]
            let total = draft.lines.reduce(Money.zero) { $0 + $1.unitPrice * $1.qty }
            book.purchaseOrders.append(
                PurchaseOrder(
                    poNumber: "PO-\(24_001 + index)", supplier: profile.supplier.name, currency: profile.currency,
                    total: total, issuedAt: draft.issuedAt, lines: draft.lines))
            book.supplierOf.append(draft.supplier)
            let age = end.timeIntervalSince(draft.issuedAt) / DemoCalendar.day
            if age >= 35 && random.chance(0.75) {
                book.seen.append(received(index, book: &book))
            } else {
                book.open.append(index)
            }
        }
        return book
    }

    private mutating func draftPO() -> (supplier: Int, issuedAt: Date, lines: [OrderLine]) {
        let supplier = random.below(suppliers.count)
        let categories = suppliers[supplier].categories
        var items = catalog.filter { categories.contains($0.product.category) }
        if items.isEmpty { items = catalog }
        let count = min(1 + random.weighted([40, 30, 20, 10]), items.count)
        var chosen: [Int] = []
        while chosen.count < count {
            let index = random.below(items.count)
            if !chosen.contains(index) { chosen.append(index) }
        }
        let lines = chosen.map { index in
            let item = items[index]
            let cost = Money(cents: item.price.cents * Int64(random.int(45...60)) / 100)
            return OrderLine(
                sku: item.product.sku, description: item.product.description,
                qty: Self.quantities[random.below(Self.quantities.count)], unitPrice: cost)
        }
        let day = random.int(2...max(2, historyDays))
        let issuedAt = DemoCalendar.startOfDay(end).addingTimeInterval(
            -Double(day) * DemoCalendar.day + Double(random.int(8 * 3_600...17 * 3_600)))
        return (supplier, issuedAt, lines)
    }

    /// The invoice that was received for purchase order `index`, 5 to 20 days after it was issued.
    private mutating func received(_ index: Int, book: inout PurchasingBook) -> InvoiceDraft {
        let po = book.purchaseOrders[index]
        let supplier = book.supplierOf[index]
        let date = DemoCalendar.startOfDay(po.issuedAt).addingTimeInterval(
            Double(random.int(5...20)) * DemoCalendar.day)
        return InvoiceDraft(
            supplier: supplier,
            number: Self.nextNumber(
                supplier, suppliers: suppliers, book: &book, random: &random,
                date: date),
            date: date, currency: po.currency, lines: po.lines, taxBasisPoints: suppliers[supplier].taxBasisPoints,
            poNumber: po.poNumber)
    }

    /// The supplier's next invoice number in its own style: `NW-55120`, `RH-2026-00412`, `PF104233`.
    static func nextNumber(
        _ supplier: Int, suppliers: [SupplierProfile], book: inout PurchasingBook, random: inout DemoRandom, date: Date
    ) -> String {
        let serial = book.nextSerial[supplier]
        book.nextSerial[supplier] += random.int(1...25)
        let profile = suppliers[supplier]
        switch profile.currency {
        case "EUR":
            let tail = String(serial)
            return "\(profile.invoicePrefix)-\(DemoCalendar.civil(date).year)-"
                + String(repeating: "0", count: max(0, 5 - tail.count)) + tail
        case "GBP": return "\(profile.invoicePrefix)\(serial + 100_000)"
        default: return "\(profile.invoicePrefix)-\(serial)"
        }
    }
}
