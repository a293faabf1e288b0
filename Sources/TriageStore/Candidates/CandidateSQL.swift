import Foundation
import GRDB
import TriageCore

/// The blocking query behind `candidateOrders`.
enum CandidateSQL {
    /// Order ids by the weight of the keys they share with the query, inside the date window, newest first on a
    /// tie. Each key is one index range scan and contributes only the newest orders in the window: up to
    /// `query.limit` for a selective key, a third of that for a weak one.
    static func request(_ query: CandidateQuery) -> SQLRequest<Row> {
        let (low, high) = window(query)
        let cap = max(query.limit, 0)
        var sources: [SQL] = blockingKeys(query).map { key in
            let weight = weight(of: key)
            return """
                SELECT * FROM (SELECT order_id, placed_at, \(weight) AS weight FROM order_keys
                  WHERE key = \(key) AND placed_at BETWEEN \(low) AND \(high) ORDER BY placed_at DESC
                  LIMIT \(weight == strongWeight ? cap : cap / 3))
                """
        }
        if let email = query.email?.lowercased(), !email.isEmpty {
            sources.append(
                """
                SELECT * FROM (SELECT order_id, placed_at, \(strongWeight) AS weight FROM orders
                  WHERE email = \(email) COLLATE NOCASE AND placed_at BETWEEN \(low) AND \(high) LIMIT \(cap))
                """)
        }
        guard !sources.isEmpty else { return SQLRequest<Row>("SELECT NULL AS order_id WHERE 0") }
        return SQLRequest<Row>(
            """
            SELECT order_id, SUM(weight) AS score, MAX(placed_at) AS placed
            FROM (\(sources.joined(separator: " UNION ALL ")))
            GROUP BY order_id ORDER BY score DESC, placed DESC LIMIT \(cap)
            """)
    }

    /// What one shared key of a selective kind (e-mail, phone, two name tokens, a name token with the postcode)
    /// counts for, against 1 for a single name token, a postcode or a SKU: an order sharing the full name outranks
    /// newer orders that share only a first name.
    static let strongWeight = 3

    private static func weight(of key: String) -> Int {
        ["nn:", "nz:", "p:"].contains(where: key.hasPrefix) ? strongWeight : 1
    }

    /// The query's window in seconds since 1970, or everything.
    private static func window(_ query: CandidateQuery) -> (Double, Double) {
        guard let range = query.placedBetween else { return (-Double.greatestFiniteMagnitude, .greatestFiniteMagnitude) }
        return (range.lowerBound.timeIntervalSince1970, range.upperBound.timeIntervalSince1970)
    }

    /// The query's keys in the `order_keys` format (see `CustomerKeys`), sorted so a query's SQL is stable.
    static func blockingKeys(_ query: CandidateQuery) -> [String] {
        let customer = CustomerKeys(tokens: query.nameTokens, phone: query.phoneDigits, postcode: query.postcode)
        return customer.keys(skus: query.skus).sorted()
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
