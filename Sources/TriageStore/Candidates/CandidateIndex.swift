import Foundation
import GRDB
import TriageCore

/// Blocking keys for candidate-order retrieval: name tokens, phone digits and compact postcodes per order.
///
/// Keys are prefixed by kind (`n:` name token, `p:` last ten phone digits, `z:` postcode letters and digits) so
/// one table and one index serve every key kind.
enum CandidateIndex {
    /// Creates the key table and indexes the orders already stored.
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE order_keys (
                  key TEXT NOT NULL,
                  order_id TEXT NOT NULL REFERENCES orders(order_id) ON DELETE CASCADE,
                  PRIMARY KEY (key, order_id)
                ) STRICT, WITHOUT ROWID;
                CREATE INDEX order_keys_by_order ON order_keys (order_id);
                """)
        let rows = try Row.fetchAll(db, sql: "SELECT order_id, customer_name, phone, postcode FROM orders")
        for row in rows {
            try store(orderID: row["order_id"], name: row["customer_name"], phone: row["phone"],
                      postcode: row["postcode"], db: db)
        }
    }

    /// Replaces the keys of one order; called whenever an order is inserted.
    static func index(_ order: Order, db: Database) throws {
        try store(
            orderID: order.orderID, name: order.customer.name, phone: order.customer.phone,
            postcode: order.customer.address?.postcode, db: db)
    }

    private static func store(orderID: String, name: String, phone: String?, postcode: String?, db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM order_keys WHERE order_id = ?").execute(arguments: [orderID])
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO order_keys (key, order_id) VALUES (?, ?)")
        for key in keys(name: name, phone: phone, postcode: postcode) {
            try insert.execute(arguments: [key, orderID])
        }
    }

    /// Every key of a customer.
    static func keys(name: String, phone: String?, postcode: String?) -> [String] {
        var keys = nameTokens(name).map { "n:" + $0 }
        if let phone = phoneKey(phone) { keys.append("p:" + phone) }
        if let postcode = postcodeKey(postcode) { keys.append("z:" + postcode) }
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
