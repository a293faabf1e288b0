import Foundation
import Logging
import PostgresNIO
import TriageCore

/// Reads orders with their lines, on the pool or on one connection (inside a transaction).
struct PostgresOrderReads {
    /// Runs one statement and returns its rows.
    let rows: @Sendable (PostgresQuery) async throws -> [PostgresRow]

    init(client: PostgresClient, logger: Logger) {
        rows = { try await client.query($0, logger: logger).collect() }
    }

    init(connection: PostgresConnection, logger: Logger) {
        rows = { try await connection.query($0, logger: logger).collect() }
    }

    /// The order a reference names, if it is stored.
    func order(_ reference: OrderReference) async throws -> Order? {
        switch reference {
        case .id(let id):
            return try await orders(ids: [id]).first
        case .number(let number):
            let ranked = "SELECT order_id, 1 AS rank FROM orders WHERE order_number = $1 ORDER BY order_id LIMIT 1"
            var binds = PostgresBindings()
            binds.append(number)
            return try await Self.orders(rows(PostgresQuery(unsafeSQL: Self.withLines(ranked), binds: binds))).first
        }
    }

    /// Orders with these ids, in the order given (ids not stored are skipped), in one statement.
    func orders(ids: [String]) async throws -> [Order] {
        guard !ids.isEmpty else { return [] }
        var binds = PostgresBindings()
        binds.append(ids)
        let ranked = "SELECT order_id, rank FROM unnest($1::text[]) WITH ORDINALITY AS q (order_id, rank)"
        return try await Self.orders(rows(PostgresQuery(unsafeSQL: Self.withLines(ranked), binds: binds)))
    }

    /// A statement that reads the orders `ranked` names (a query of `order_id, rank`), each with its lines, in rank
    /// order: one round trip, one row per line (or one for an order without lines). Decode with `orders(_:)`.
    static func withLines(_ ranked: String) -> String {
        let columns = PostgresReferenceRows.orderColumns.split(separator: ",")
            .map { "o." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", ")
        return """
            WITH ranked AS (\(ranked))
            SELECT q.rank, \(columns), l.sku, l.description, l.qty, l.unit_price_cents
            FROM ranked q JOIN orders o ON o.order_id = q.order_id
              LEFT JOIN order_lines l ON l.order_id = q.order_id
            ORDER BY q.rank, l.line_no
            """
    }

    /// The orders of a `withLines` statement's rows, in rank order.
    static func orders(_ rows: [PostgresRow]) throws -> [Order] {
        var orders: [Order] = []
        var rank: Int64?
        for row in rows {
            let cells = row.makeRandomAccess()
            let rowRank = try cells[0].decode(Int64.self)
            if rowRank != rank {
                orders.append(try PostgresReferenceRows.order(cells, offset: 1))
                rank = rowRank
            }
            let line = PostgresReferenceRows.orderColumnCount + 1
            if let sku = try cells[line].decode(String?.self) {
                orders[orders.count - 1].lines.append(
                    OrderLine(
                        sku: sku, description: try cells[line + 1].decode(String.self),
                        qty: Int(try cells[line + 2].decode(Int64.self)),
                        unitPrice: Money(cents: try cells[line + 3].decode(Int64.self))))
            }
        }
        return orders
    }
}
