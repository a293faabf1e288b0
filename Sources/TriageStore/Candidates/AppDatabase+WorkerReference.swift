import Foundation
import GRDB
import TriageCore

extension AppDatabase: WorkerReference {
    /// Orders sharing a blocking key with the query, the ones sharing most keys first, newest first on a tie.
    public func candidateOrders(_ query: CandidateQuery) async throws -> [Order] {
        try await writer.read { db in
            let ids = try CandidateSQL.request(query).fetchAll(db).map { $0["order_id"] as String }
            return try OrderRow.fetchAll(db, ids: ids)
        }
    }

    /// The order with this storefront order number.
    public func order(number: String) async throws -> Order? {
        try await writer.read { db in try OrderRow.fetch(db, number: number) }
    }

    /// The order with this id.
    public func order(id: String) async throws -> Order? {
        try await writer.read { db in try OrderRow.fetch(db, id: id) }
    }

    /// The product with this SKU.
    public func product(sku: String) async throws -> Product? {
        try await writer.read { db in try ReferenceRows.product(db, sku: sku) }
    }

    /// Products whose name shares an adjacent word pair with the text's.
    public func products(sharingPairs pairs: [String], limit: Int) async throws -> [Product] {
        try await writer.read { db in try ProductPairIndex.products(db, sharing: pairs, limit: limit) }
    }

    /// Every supplier, by name.
    public func suppliers() async throws -> [Supplier] {
        try await writer.read { db in try SupplierRows.all(db) }
    }

    /// The purchase order with this number (compared as upper-case letters and digits).
    public func purchaseOrder(number: String) async throws -> PurchaseOrder? {
        try await writer.read { db in
            let key = TextKeys.idKey(number)
            let numbers = try String.fetchAll(db, sql: "SELECT po_number FROM purchase_orders")
            guard let match = numbers.first(where: { TextKeys.idKey($0) == key }) else { return nil }
            return try PurchaseOrderRow.fetch(db, number: match)
        }
    }

    /// Purchase orders of one supplier (by the name on the PO, case-insensitive), newest first.
    public func purchaseOrders(supplier: String) async throws -> [PurchaseOrder] {
        try await writer.read { db in
            let numbers = try String.fetchAll(
                db, sql: "SELECT po_number FROM purchase_orders WHERE supplier = ? COLLATE NOCASE ORDER BY issued_at DESC",
                arguments: [supplier])
            return try numbers.compactMap { try PurchaseOrderRow.fetch(db, number: $0) }
        }
    }

    /// An invoice already received from this supplier with this number (upper-case letters and digits compared).
    public func seenInvoice(supplier: String, invoiceNumber: String) async throws -> SeenInvoice? {
        try await writer.read { db in
            let key = TextKeys.idKey(invoiceNumber)
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM invoices WHERE supplier = ? COLLATE NOCASE", arguments: [supplier])
            guard let row = rows.first(where: { TextKeys.idKey($0["invoice_number"]) == key }) else { return nil }
            let date: Double? = row["invoice_date"]
            let total: Int64? = row["total_cents"]
            return SeenInvoice(
                supplier: row["supplier"], invoiceNumber: row["invoice_number"],
                invoiceDate: date.map(Date.init(timeIntervalSince1970:)), total: total.map(Money.init(cents:)))
        }
    }
}

/// Suppliers as stored.
enum SupplierRows {
    /// Every supplier, by name.
    static func all(_ db: Database) throws -> [Supplier] {
        try Row.fetchAll(db, sql: "SELECT supplier_id, name, aliases FROM suppliers ORDER BY name").map { row in
            let aliases = try JSONCoding.decode([String].self, from: row["aliases"] as String)
            return Supplier(supplierID: row["supplier_id"], name: row["name"], aliases: aliases)
        }
    }
}
