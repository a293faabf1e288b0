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

/// The blocking keys of one customer (an order's, or a query's), in the `order_keys` format.
struct CustomerKeys {
    let tokens: [String]
    let phone: String?
    let postcode: String?

    /// Keys from a name as written (folded into tokens here), a phone and a postcode.
    init(name: String, phone: String?, postcode: String?) {
        self.init(tokens: Self.nameTokens(name), phone: phone, postcode: postcode)
    }

    /// Keys from name tokens already split (a query's tokens, nickname expansions included).
    init(tokens: [String], phone: String?, postcode: String?) {
        self.tokens = Array(Set(tokens.flatMap(Self.nameTokens))).sorted()
        self.phone = Self.phoneKey(phone)
        self.postcode = Self.postcodeKey(postcode)
    }

    /// Every key: single tokens, token pairs, tokens with the postcode, phone, postcode and SKUs.
    func keys(skus: [String] = []) -> Set<String> {
        var keys = Set(tokens.map { "n:" + $0 })
        for (index, first) in tokens.enumerated() {
            for second in tokens[(index + 1)...] { keys.insert("nn:\(first)|\(second)") }
            if let postcode { keys.insert("nz:\(first)|\(postcode)") }
        }
        if let phone { keys.insert("p:" + phone) }
        if let postcode { keys.insert("z:" + postcode) }
        for sku in skus where !sku.isEmpty { keys.insert("s:" + sku) }
        return keys
    }

    /// Lower-case, accent-free words of two or more letters ("José O'Neill" → ["jose", "oneill"]).
    static func nameTokens(_ name: String) -> [String] {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            .replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "’", with: "")
        return folded.split { !($0.isLetter || $0.isNumber) }.map(String.init).filter { $0.count >= 2 }
    }

    /// The last ten digits of a phone number, so "+1 512 555 0101" meets "(512) 555-0101".
    static func phoneKey(_ phone: String?) -> String? {
        guard let digits = phone?.filter(\.isWholeNumber), digits.count >= 7 else { return nil }
        return String(digits.suffix(10))
    }

    /// Upper-case letters and digits of a postcode, so "m1 1ae" meets "M1 1AE".
    static func postcodeKey(_ postcode: String?) -> String? {
        guard let postcode else { return nil }
        let key = String(postcode.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
        return key.isEmpty ? nil : key
    }
}
