import Foundation
import GRDB
import TriageCore

/// The blocking query behind `candidateOrders`.
enum CandidateSQL {
    /// Order ids with their number of matching keys, inside the date window, best first.
    static func request(_ query: CandidateQuery) -> SQLRequest<Row> {
        var sources: [SQL] = []
        if let email = query.email?.lowercased(), !email.isEmpty {
            sources.append("SELECT order_id FROM orders WHERE email = \(email) COLLATE NOCASE")
        }
        let keys = blockingKeys(query)
        if !keys.isEmpty { sources.append("SELECT order_id FROM order_keys WHERE key IN \(keys)") }
        if !query.skus.isEmpty {
            sources.append("SELECT DISTINCT order_id FROM order_lines WHERE sku IN \(query.skus)")
        }
        guard !sources.isEmpty else { return SQLRequest<Row>("SELECT NULL AS order_id WHERE 0") }
        let union = sources.joined(separator: " UNION ALL ")
        var window: SQL = ""
        if let range = query.placedBetween {
            let (low, high) = (range.lowerBound.timeIntervalSince1970, range.upperBound.timeIntervalSince1970)
            window = "WHERE o.placed_at BETWEEN \(low) AND \(high)"
        }
        return SQLRequest<Row>(
            """
            SELECT h.order_id AS order_id, COUNT(*) AS hits FROM (\(union)) h
            JOIN orders o ON o.order_id = h.order_id \(window)
            GROUP BY h.order_id ORDER BY hits DESC, o.placed_at DESC LIMIT \(max(query.limit, 0))
            """)
    }

    /// The query's name, phone and postcode keys in the `order_keys` format.
    static func blockingKeys(_ query: CandidateQuery) -> [String] {
        var keys = query.nameTokens.flatMap(CandidateIndex.nameTokens).map { "n:" + $0 }
        if let phone = CandidateIndex.phoneKey(query.phoneDigits) { keys.append("p:" + phone) }
        if let postcode = CandidateIndex.postcodeKey(query.postcode) { keys.append("z:" + postcode) }
        return Array(Set(keys)).sorted()
    }

    /// Upper-case letters and digits: how order, PO and invoice numbers are compared.
    static func idKey(_ text: String) -> String {
        String(text.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
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
