import Foundation
import GRDB
import TriageCore

extension AppDatabase: HarvestReading {
    public func reviewedCards(since: Date) async throws -> [ReviewedCard] {
        try await writer.read { db in try Self.reviewedCards(db, since: since) }
    }

    public func referenceSnapshot() async throws -> ReferenceSnapshot {
        try await writer.read { db in
            ReferenceSnapshot(
                products: try String.fetchAll(db, sql: "SELECT sku FROM products ORDER BY sku")
                    .compactMap { try ReferenceRows.product(db, sku: $0) },
                orders: try Self.allOrders(db),
                purchaseOrders: try String.fetchAll(db, sql: "SELECT po_number FROM purchase_orders ORDER BY po_number")
                    .compactMap { try PurchaseOrderRow.fetch(db, number: $0) },
                invoices: try Row.fetchAll(db, sql: "SELECT * FROM invoices ORDER BY supplier, invoice_number").map { row in
                    let date: Double? = row["invoice_date"]
                    let total: Int64? = row["total_cents"]
                    return SeenInvoice(
                        supplier: row["supplier"], invoiceNumber: row["invoice_number"],
                        invoiceDate: date.map(Date.init(timeIntervalSince1970:)), total: total.map(Money.init(cents:)))
                },
                suppliers: try SupplierRows.all(db))
        }
    }

    /// Every order with its lines, 500 at a time.
    private static func allOrders(_ db: Database) throws -> [Order] {
        let ids = try String.fetchAll(db, sql: "SELECT order_id FROM orders ORDER BY order_id")
        return try stride(from: 0, to: ids.count, by: 500).flatMap { start in
            try OrderRow.fetchAll(db, ids: Array(ids[start..<min(start + 500, ids.count)]))
        }
    }
}
