import Foundation
import GRDB
import TriageCore

extension StoreTransaction: OrderLedger {
    /// The money refunded on an order so far.
    func refunded(orderNumber: String) throws -> Money {
        let cents = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT refunded_cents FROM orders WHERE order_number = ?"), arguments: [orderNumber])
        return Money(cents: cents ?? 0)
    }

    /// The quantity returned per SKU on an order so far.
    func returnedQuantities(orderNumber: String) throws -> [String: Int] {
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT sku, qty FROM order_returns WHERE order_number = ?"), arguments: [orderNumber])
        return Dictionary(rows.map { (row: Row) -> (String, Int) in (row["sku"], row["qty"]) }, uniquingKeysWith: +)
    }

    /// Records returned items against their order.
    func recordReturn(orderNumber: String, quantities: [String: Int]) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO order_returns (order_number, sku, qty) VALUES (?, ?, ?)
                ON CONFLICT (order_number, sku) DO UPDATE SET qty = qty + excluded.qty
                """)
        for (sku, qty) in quantities.sorted(by: { $0.key < $1.key }) {
            try statement.execute(arguments: [orderNumber, sku, qty])
        }
    }
}

extension StoreTransaction {
    /// Remembers a webhook body's digest for its source; false when that source sent the same body before.
    func remember(digest: String, source: String, at date: Date) throws -> Bool {
        try db.cachedStatement(
            sql: "INSERT INTO webhook_digests (source, digest, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
        ).execute(arguments: [source, digest, date.timeIntervalSince1970])
        return db.changesCount > 0
    }

    /// The oldest undecided card about the same order and cause as `record` (see ``CardJoin``).
    func openCard(like record: ExceptionRecord, orderNumber: String) throws -> Int64? {
        try CardJoin(db: db, memo: joins).oldestOpenCard(like: record, orderNumber: orderNumber, excluding: nil)
    }

    /// Joins an exception to a card instead of giving it one of its own.
    func link(exceptionID: Int64, toCard cardID: Int64, at date: Date) throws {
        try joins.link(exceptionID: exceptionID, toCard: cardID, at: date, in: db)
    }
}
