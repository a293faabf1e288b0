import Foundation
import GRDB
import TriageCore

/// Blocking keys for candidate-order retrieval, one row per (key, order) with the order's `placed_at`, so a lookup
/// is one index range scan inside the date window, newest first.
///
/// Keys are prefixed by kind so one table and one index serve them all:
/// - `n:` a name token, `p:` the last ten phone digits, `z:` the compact postcode, `s:` a SKU on the order;
/// - `nn:` two name tokens of the same name (sorted), `nz:` a name token with the postcode.
///
/// Single tokens and SKUs are common at scale (a first name matches thousands of orders in a million), so each key
/// contributes at most `perKeyLimit` orders; the combined keys are what make a match selective.
enum CandidateIndex {
    /// v2 created the first key table; v3 replaces it, so this only has to create it.
    static func createV2(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE order_keys (
                  key TEXT NOT NULL,
                  order_id TEXT NOT NULL REFERENCES orders(order_id) ON DELETE CASCADE,
                  PRIMARY KEY (key, order_id)
                ) STRICT, WITHOUT ROWID;
                CREATE INDEX order_keys_by_order ON order_keys (order_id);
                """)
    }

    /// v3: keys carry `placed_at`, combined name keys and SKUs; every stored order is indexed again.
    static func migrateV3(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP TABLE IF EXISTS order_keys;
                CREATE TABLE order_keys (
                  key TEXT NOT NULL,
                  placed_at REAL NOT NULL,
                  order_id TEXT NOT NULL REFERENCES orders(order_id) ON DELETE CASCADE,
                  PRIMARY KEY (key, placed_at, order_id)
                ) STRICT, WITHOUT ROWID;
                CREATE INDEX order_keys_by_order ON order_keys (order_id);
                """)
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT o.order_id, o.customer_name, o.phone, o.postcode, o.placed_at,
                  (SELECT group_concat(sku, char(31)) FROM order_lines l WHERE l.order_id = o.order_id) AS skus
                FROM orders o
                """)
        while let row = try rows.next() {
            let skus = (row["skus"] as String?)?.split(separator: "\u{1F}").map(String.init) ?? []
            let customer = CustomerKeys(name: row["customer_name"], phone: row["phone"], postcode: row["postcode"])
            try store(orderID: row["order_id"], placedAt: row["placed_at"], keys: customer.keys(skus: skus), db: db)
        }
    }

    /// Replaces the keys of one order; called whenever an order is inserted.
    static func index(_ order: Order, db: Database) throws {
        let customer = CustomerKeys(
            name: order.customer.name, phone: order.customer.phone, postcode: order.customer.address?.postcode)
        try db.cachedStatement(sql: "DELETE FROM order_keys WHERE order_id = ?").execute(arguments: [order.orderID])
        try store(
            orderID: order.orderID, placedAt: order.placedAt.timeIntervalSince1970,
            keys: customer.keys(skus: order.lines.map(\.sku)), db: db)
    }

    private static func store(orderID: String, placedAt: Double, keys: Set<String>, db: Database) throws {
        let insert = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO order_keys (key, placed_at, order_id) VALUES (?, ?, ?)")
        for key in keys { try insert.execute(arguments: [key, placedAt, orderID]) }
    }
}
