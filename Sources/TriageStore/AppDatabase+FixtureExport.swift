import Foundation
import GRDB
import TriageCore

extension AppDatabase {
    /// Writes the reference data an eval suite needs (products, suppliers, orders with lines, purchase orders,
    /// invoices already received) as fixture files in the suite format, one JSON object per line, into `folder`.
    /// Returns the file written per fixture name (`orders`, `purchase_orders`, …).
    public func exportFixtures(to folder: URL) throws -> [String: URL] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONCoding.encoder()
        var written: [String: URL] = [:]
        func write<T: Encodable>(_ name: String, _ values: [T]) throws {
            let url = folder.appendingPathComponent(name + ".jsonl")
            let lines = try values.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
            try Data((lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")).utf8).write(to: url)
            written[name] = url
        }
        try writer.read { db in
            try write("products", try String.fetchAll(db, sql: "SELECT sku FROM products ORDER BY sku")
                .compactMap { try ReferenceRows.product(db, sku: $0) })
            try write("orders", try Self.allOrders(db))
            try write("purchase_orders", try String.fetchAll(db, sql: "SELECT po_number FROM purchase_orders ORDER BY po_number")
                .compactMap { try PurchaseOrderRow.fetch(db, number: $0) })
            try write("invoices", try Row.fetchAll(db, sql: "SELECT * FROM invoices ORDER BY supplier, invoice_number").map { row in
                let date: Double? = row["invoice_date"]
                let total: Int64? = row["total_cents"]
                return SeenInvoice(
                    supplier: row["supplier"], invoiceNumber: row["invoice_number"],
                    invoiceDate: date.map(Date.init(timeIntervalSince1970:)), total: total.map(Money.init(cents:)))
            })
            try write("suppliers", try SupplierRows.all(db))
        }
        return written
    }

    /// Every order with its lines, 500 at a time.
    private static func allOrders(_ db: Database) throws -> [Order] {
        let ids = try String.fetchAll(db, sql: "SELECT order_id FROM orders ORDER BY order_id")
        return try stride(from: 0, to: ids.count, by: 500).flatMap { start in
            try OrderRow.fetchAll(db, ids: Array(ids[start..<min(start + 500, ids.count)]))
        }
    }
}
