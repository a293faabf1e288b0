import Foundation
import GRDB
import TriageCore

/// The blocking query behind `candidateOrders`.
enum CandidateSQL {
    /// Order ids by the weight of the keys they share with the query, inside the date window, newest first on a
    /// tie. Each key is one index range scan and contributes only the newest orders in the window: up to
    /// `query.limit` for a selective key, a third of that for a weak one.
    static func request(_ query: CandidateQuery) -> SQLRequest<Row> {
        let (low, high) = query.window
        let cap = max(query.limit, 0)
        var sources: [SQL] = query.blockingKeys.map { key in
            """
            SELECT * FROM (SELECT order_id, placed_at, \(CustomerKeys.weight(of: key)) AS weight FROM order_keys
              WHERE key = \(key) AND placed_at BETWEEN \(low) AND \(high) ORDER BY placed_at DESC
              LIMIT \(CustomerKeys.contribution(of: key, limit: cap)))
            """
        }
        if let email = query.email?.lowercased(), !email.isEmpty {
            sources.append(
                """
                SELECT * FROM (SELECT order_id, placed_at, \(CustomerKeys.strongWeight) AS weight FROM orders
                  WHERE email = \(email) COLLATE NOCASE AND placed_at BETWEEN \(low) AND \(high) LIMIT \(cap))
                """)
        }
        guard !sources.isEmpty else { return SQLRequest<Row>("SELECT NULL AS order_id WHERE 0") }
        return SQLRequest<Row>(
            """
            SELECT order_id, SUM(weight) AS score, MAX(placed_at) AS placed
            FROM (\(sources.joined(separator: " UNION ALL ")))
            GROUP BY order_id ORDER BY score DESC, placed DESC, order_id LIMIT \(cap)
            """)
    }
}

/// Reads purchase orders with their lines.
enum PurchaseOrderRow {
    static func fetch(_ db: Database, number: String) throws -> PurchaseOrder? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM purchase_orders WHERE po_number = ?", arguments: [number])
        else { return nil }
        let lines = try Row.fetchAll(
            db, sql: "SELECT sku, description, qty, unit_price_cents FROM po_lines WHERE po_number = ? ORDER BY line_no",
            arguments: [number]
        ).map { line in
            OrderLine(
                sku: line["sku"], description: line["description"], qty: line["qty"],
                unitPrice: Money(cents: line["unit_price_cents"]))
        }
        return PurchaseOrder(
            poNumber: row["po_number"], supplier: row["supplier"], currency: row["currency"],
            total: Money(cents: row["total_cents"]), issuedAt: Date(timeIntervalSince1970: row["issued_at"]),
            lines: lines)
    }
}
