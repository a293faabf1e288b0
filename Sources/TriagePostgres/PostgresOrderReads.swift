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
            let ids = try await rows("SELECT order_id FROM orders WHERE order_number = \(number)")
            return try await orders(ids: ids.map { try $0.decode(String.self) }).first
        }
    }

    /// Orders with these ids, in the order given (ids not stored are skipped): two queries however many ids.
    func orders(ids: [String]) async throws -> [Order] {
        guard !ids.isEmpty else { return [] }
        let lineRows = try await rows(
            """
            SELECT order_id, sku, description, qty, unit_price_cents FROM order_lines
            WHERE order_id = ANY(\(ids)) ORDER BY order_id, line_no
            """)
        var lines: [String: [OrderLine]] = [:]
        for row in lineRows {
            let (orderID, line) = try PostgresReferenceRows.keyedLine(row)
            lines[orderID, default: []].append(line)
        }
        let orderRows = try await rows(
            "SELECT \(unescaped: PostgresReferenceRows.orderColumns) FROM orders WHERE order_id = ANY(\(ids))")
        var orders: [String: Order] = [:]
        for row in orderRows {
            var order = try PostgresReferenceRows.order(row, lines: [])
            order.lines = lines[order.orderID] ?? []
            orders[order.orderID] = order
        }
        return ids.compactMap { orders[$0] }
    }
}
