import Foundation
import GRDB
import TriageCore

/// Reads and writes orders with their lines and customer.
enum OrderRow {
    /// The columns every order read selects, in the order `order(from:lines:)` reads them by position (routing
    /// reads an order per exception; GRDB's by-name lookup lower-cases the name on every access).
    static let columns = """
        order_id, order_number, customer_name, email, phone, line1, city, postcode, country, placed_at, currency,
        total_cents, status, delivered_at
        """

    static func fetch(_ db: Database, number: String, withLines: Bool = true) throws -> Order? {
        let statement = try db.cachedStatement(sql: "SELECT \(columns) FROM orders WHERE order_number = ?")
        guard let row = try Row.fetchOne(statement, arguments: [number]) else { return nil }
        return withLines ? try order(from: row, db: db) : order(from: row, lines: [])
    }

    static func fetch(_ db: Database, id: String) throws -> Order? {
        let statement = try db.cachedStatement(sql: "SELECT \(columns) FROM orders WHERE order_id = ?")
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
        while let row = try lineRows.next() { lines[row[0], default: []].append(line(from: row, offset: 1)) }
        var orders: [String: Order] = [:]
        for row in try SQLRequest<Row>("SELECT \(sql: columns) FROM orders WHERE order_id IN \(ids)").fetchAll(db) {
            let orderID: String = row[0]
            orders[orderID] = order(from: row, lines: lines[orderID] ?? [])
        }
        return ids.compactMap { orders[$0] }
    }

    static func order(from row: Row, db: Database) throws -> Order {
        order(from: row, lines: try lines(db, orderID: row[0]))
    }

    /// An order from a row of `columns`, by position.
    static func order(from row: Row, lines: [OrderLine]) -> Order {
        let address = Address(line1: row[5], city: row[6], postcode: row[7], country: row[8])
        let hasAddress = address != Address()
        let customer = Customer(name: row[2], email: row[3], phone: row[4], address: hasAddress ? address : nil)
        let delivered: Double? = row[13]
        return Order(
            orderID: row[0], orderNumber: row[1], customer: customer, placedAt: Date(timeIntervalSince1970: row[9]),
            currency: row[10], total: Money(cents: row[11]), lines: lines, status: row[12],
            deliveredAt: delivered.map(Date.init(timeIntervalSince1970:)))
    }

    static func lines(_ db: Database, orderID: String) throws -> [OrderLine] {
        let statement = try db.cachedStatement(
            sql: "SELECT sku, description, qty, unit_price_cents FROM order_lines WHERE order_id = ? ORDER BY line_no")
        return try Row.fetchAll(statement, arguments: [orderID]).map { line(from: $0) }
    }

    /// The lines of order `number`, without its header: one statement.
    static func lines(_ db: Database, orderNumber: String) throws -> [OrderLine] {
        let statement = try db.cachedStatement(
            sql: """
                SELECT l.sku, l.description, l.qty, l.unit_price_cents
                FROM orders o JOIN order_lines l ON l.order_id = o.order_id
                WHERE o.order_number = ? ORDER BY l.line_no
                """)
        return try Row.fetchAll(statement, arguments: [orderNumber]).map { line(from: $0) }
    }

    /// A line from `sku, description, qty, unit_price_cents` (after `order_id` when `offset` is 1), by position.
    private static func line(from row: Row, offset: Int = 0) -> OrderLine {
        OrderLine(
            sku: row[offset], description: row[offset + 1], qty: row[offset + 2],
            unitPrice: Money(cents: row[offset + 3]))
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
        let key = customer.storeKey
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
