import Foundation
import Logging
import PostgresNIO
import TriageCore

/// One card per order and cause, on PostgreSQL: the SQLite store's `CardJoin`, inside the worker's ack transaction.
///
/// Many workers ack at once, so two cards about one order could each see the other still open and join each
/// other. A transaction-scoped advisory lock per order number, taken before the ack's first write and in sorted
/// order, makes the joins of one order run one after another.
struct PostgresCardJoin {
    let connection: PostgresConnection
    let logger: Logger

    /// The order number a suggestion matched, when it may join a card: only a high-confidence match joins, so a
    /// guess never hides a request inside the wrong card.
    static func matchedOrder(_ suggestion: Suggestion) -> String? {
        guard suggestion.confidence == .high, let number = suggestion.parameters["order_number"]?.text,
            !number.isEmpty
        else { return nil }
        return number
    }

    /// The advisory lock key of an order's card joins: routing and the worker's ack take the same one. Every
    /// advisory lock key is hashed after the schema's name (`current_schema()`), so stores in other schemas of one
    /// database (tests, benchmarks, brands) never wait on each other's locks.
    static func lockKey(_ orderNumber: String) -> String { ":card-join:" + orderNumber }

    /// Takes the join locks of these orders, each once, in sorted order.
    func lock(orders: [String]) async throws {
        for number in Set(orders).sorted() {
            let key = Self.lockKey(number)
            try await connection.query(
                "SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || \(key), 0))", logger: logger)
        }
    }

    /// Records the matched order on exception `exceptionID`'s card; when another undecided card about that order and
    /// cause exists, this card joins it and the id of the card it joined is returned.
    func joinMatchedOrder(exceptionID: Int64, orderNumber: String, now: Date) async throws -> Int64? {
        let time = now.timeIntervalSince1970
        let mine = try await connection.query(
            """
            UPDATE cards AS c SET order_number = \(orderNumber) FROM exceptions AS e
            WHERE c.exception_id = \(exceptionID) AND e.id = c.exception_id
            RETURNING c.id, c.kind, \(unescaped: PostgresExceptionRows.columns(of: "e"))
            """, logger: logger
        ).collect().first
        guard let mine else { return nil }
        let cells = mine.makeRandomAccess()
        let (cardID, kind) = (try cells[0].decode(Int64.self), try cells[1].decode(String.self))
        let record = try PostgresExceptionRows.record(mine, offset: 2)
        let lines = try await orderLines(orderNumber)
        let ours = RequestedLines.skus(of: record, lines: lines)
        let others = try await connection.query(
            """
            SELECT c.id, \(unescaped: PostgresExceptionRows.columns(of: "e"))
            FROM cards AS c JOIN exceptions AS e ON e.id = c.exception_id
            WHERE c.order_number = \(orderNumber) AND c.kind = \(kind)
              AND c.status IN ('open', 'awaiting_confirmation', 'awaiting_worker') AND c.id <> \(cardID)
            ORDER BY c.id
            """, logger: logger
        ).collect()
        for row in others {
            let theirs = RequestedLines.skus(of: try PostgresExceptionRows.record(row, offset: 1), lines: lines)
            guard RequestedLines.overlap(ours, theirs) else { continue }
            let survivor = try row.makeRandomAccess()[0].decode(Int64.self)
            try await connection.query("UPDATE cards SET updated_at = \(time) WHERE id = \(survivor)", logger: logger)
            try await connection.query(
                """
                UPDATE cards SET status = 'joined', joined_to = \(survivor), updated_at = \(time),
                  summary = \(WorkerCardText.joined(survivor)) WHERE id = \(cardID)
                """, logger: logger)
            return survivor
        }
        return nil
    }

    private func orderLines(_ orderNumber: String) async throws -> [OrderLine] {
        try await connection.query(
            """
            SELECT o.order_id, l.sku, l.description, l.qty, l.unit_price_cents
            FROM orders AS o JOIN order_lines AS l ON l.order_id = o.order_id
            WHERE o.order_number = \(orderNumber) ORDER BY l.line_no
            """, logger: logger
        ).collect().map { try PostgresReferenceRows.keyedLine($0).line }
    }
}
