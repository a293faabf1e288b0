import Foundation
import GRDB
import TriageCore

/// Reads and writes orders with their lines and customer.
enum OrderRow {
    static func fetch(_ db: Database, number: String) throws -> Order? {
        let statement = try db.cachedStatement(sql: "SELECT * FROM orders WHERE order_number = ?")
        guard let row = try Row.fetchOne(statement, arguments: [number]) else { return nil }
        return try order(from: row, db: db)
    }

    static func fetch(_ db: Database, id: String) throws -> Order? {
        let statement = try db.cachedStatement(sql: "SELECT * FROM orders WHERE order_id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [id]) else { return nil }
        return try order(from: row, db: db)
    }

    /// Orders with these ids, in the order given (ids not stored are skipped): two queries however many ids.
    static func fetchAll(_ db: Database, ids: [String]) throws -> [Order] {
        guard !ids.isEmpty else { return [] }
        var lines: [String: [OrderLine]] = [:]
        let lineRows = try SQLRequest<Row>(
            """
            SELECT order_id, sku, description, qty, unit_price_cents FROM order_lines
            WHERE order_id IN \(ids) ORDER BY order_id, line_no
            """
        ).fetchCursor(db)
        while let row = try lineRows.next() { lines[row["order_id"], default: []].append(line(from: row)) }
        var orders: [String: Order] = [:]
        for row in try SQLRequest<Row>("SELECT * FROM orders WHERE order_id IN \(ids)").fetchAll(db) {
            let orderID: String = row["order_id"]
            orders[orderID] = order(from: row, lines: lines[orderID] ?? [])
        }
        return ids.compactMap { orders[$0] }
    }

    static func order(from row: Row, db: Database) throws -> Order {
        order(from: row, lines: try lines(db, orderID: row["order_id"]))
    }

    static func order(from row: Row, lines: [OrderLine]) -> Order {
        let address = Address(line1: row["line1"], city: row["city"], postcode: row["postcode"], country: row["country"])
        let hasAddress = address != Address()
        let customer = Customer(
            name: row["customer_name"], email: row["email"], phone: row["phone"], address: hasAddress ? address : nil)
        let delivered: Double? = row["delivered_at"]
        return Order(
            orderID: row["order_id"], orderNumber: row["order_number"], customer: customer,
            placedAt: Date(timeIntervalSince1970: row["placed_at"]), currency: row["currency"],
            total: Money(cents: row["total_cents"]), lines: lines, status: row["status"],
            deliveredAt: delivered.map(Date.init(timeIntervalSince1970:)))
    }

    static func lines(_ db: Database, orderID: String) throws -> [OrderLine] {
        let statement = try db.cachedStatement(
            sql: "SELECT sku, description, qty, unit_price_cents FROM order_lines WHERE order_id = ? ORDER BY line_no")
        return try Row.fetchAll(statement, arguments: [orderID]).map(line(from:))
    }

    private static func line(from row: Row) -> OrderLine {
        OrderLine(
            sku: row["sku"], description: row["description"], qty: row["qty"],
            unitPrice: Money(cents: row["unit_price_cents"]))
    }

    static func insert(_ order: Order, db: Database) throws {
        let customerID = try CustomerRow.upsert(order.customer, db: db)
        let address = order.customer.address
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO orders (order_id, order_number, customer_id, customer_name, email, phone,
                  line1, city, postcode, country, placed_at, currency, total_cents, status, delivered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            order.orderID, order.orderNumber, customerID, order.customer.name, order.customer.email,
            order.customer.phone, address?.line1, address?.city, address?.postcode, address?.country,
            order.placedAt.timeIntervalSince1970, order.currency, order.total.cents, order.status,
            order.deliveredAt?.timeIntervalSince1970,
        ])
        try db.cachedStatement(sql: "DELETE FROM order_lines WHERE order_id = ?").execute(arguments: [order.orderID])
        for (index, line) in order.lines.enumerated() {
            try db.cachedStatement(
                sql: """
                    INSERT INTO order_lines (order_id, line_no, sku, description, qty, unit_price_cents)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [order.orderID, index + 1, line.sku, line.description, line.qty, line.unitPrice.cents])
        }
        try CandidateIndex.index(order, db: db)
    }
}

/// Customers, keyed by e-mail when there is one, else by name.
enum CustomerRow {
    static func upsert(_ customer: Customer, db: Database) throws -> Int64 {
        let key = (customer.email ?? customer.name).lowercased()
        let address = customer.address
        try db.cachedStatement(
            sql: """
                INSERT INTO customers (customer_key, name, email, phone, line1, city, postcode, country)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (customer_key) DO UPDATE SET name = excluded.name
                """
        ).execute(arguments: [
            key, customer.name, customer.email, customer.phone, address?.line1, address?.city, address?.postcode,
            address?.country,
        ])
        let statement = try db.cachedStatement(sql: "SELECT id FROM customers WHERE customer_key = ?")
        return try Int64.fetchOne(statement, arguments: [key]) ?? 0
    }
}
