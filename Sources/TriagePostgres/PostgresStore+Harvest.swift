import Foundation
import PostgresNIO
import TriageCore

extension PostgresStore: HarvestReading {
    public func reviewedCards(since: Date) async throws -> [ReviewedCard] {
        try await timed("reviewedCards") { [self] in
            let decisions = try await client.query(
                """
                SELECT \(unescaped: PostgresReviewRows.decisionColumns) FROM decisions
                WHERE actor_kind = 'reviewer' AND decided_at >= \(since.timeIntervalSince1970) ORDER BY decided_at, id
                """, logger: logger
            ).collect().map(PostgresReviewRows.decision)
            let cardIDs = Array(Set(decisions.map(\.cardID))).sorted()
            let cards = try await client.query(
                "SELECT \(unescaped: PostgresReviewRows.cardColumns(of: "c")) FROM cards c WHERE c.id = ANY(\(cardIDs))",
                logger: logger
            ).collect().map { try PostgresReviewRows.card($0) }
            let exceptions = try await client.query(
                """
                SELECT \(unescaped: PostgresExceptionRows.columns) FROM exceptions
                WHERE id = ANY(\(cards.map(\.card.exceptionID)))
                """, logger: logger
            ).collect().map(PostgresExceptionRows.record)
            return ReviewedCard.join(decisions, cards: cards, exceptions: exceptions)
        }
    }

    /// Read in one repeatable-read transaction, so the fixtures are one moment's data.
    public func referenceSnapshot() async throws -> ReferenceSnapshot {
        try await timed("referenceSnapshot") { [self] in
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
                func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
                    try await connection.query(query, logger: logger).collect()
                }
                let products = try await rows(
                    "SELECT \(unescaped: PostgresReferenceRows.productColumns) FROM products ORDER BY sku COLLATE \"C\""
                ).map(PostgresReferenceRows.product)
                let ids = try await rows("SELECT order_id FROM orders ORDER BY order_id COLLATE \"C\"")
                    .map { try $0.decode(String.self) }
                let reads = PostgresOrderReads(connection: connection, logger: logger)
                var orders: [Order] = []
                for start in stride(from: 0, to: ids.count, by: 500) {
                    orders += try await reads.orders(ids: Array(ids[start..<min(start + 500, ids.count)]))
                }
                let headers = try await rows(
                    """
                    SELECT \(unescaped: PostgresReferenceRows.purchaseOrderColumns) FROM purchase_orders
                    ORDER BY po_number COLLATE "C"
                    """
                ).map { try PostgresReferenceRows.purchaseOrder($0, lines: []) }
                var lines: [String: [OrderLine]] = [:]
                for row in try await rows(
                    "SELECT po_number, sku, description, qty, unit_price_cents FROM po_lines ORDER BY po_number, line_no")
                {
                    let (number, line) = try PostgresReferenceRows.keyedLine(row)
                    lines[number, default: []].append(line)
                }
                let invoices = try await rows(
                    """
                    SELECT supplier, invoice_number, invoice_date, total_cents FROM invoices
                    ORDER BY supplier COLLATE "C", invoice_number COLLATE "C"
                    """
                ).map { row in
                    let (supplier, number, date, total) = try row.decode((String, String, Double?, Int64?).self)
                    return SeenInvoice(
                        supplier: supplier, invoiceNumber: number, invoiceDate: date.map(Date.init(timeIntervalSince1970:)),
                        total: total.map(Money.init(cents:)))
                }
                let suppliers = try await rows("SELECT supplier_id, name, aliases FROM suppliers ORDER BY name COLLATE \"C\"")
                    .map(PostgresReferenceRows.supplier)
                return ReferenceSnapshot(
                    products: products, orders: orders,
                    purchaseOrders: headers.map { header in
                        var po = header
                        po.lines = lines[header.poNumber] ?? []
                        return po
                    }, invoices: invoices, suppliers: suppliers)
            }
        }
    }
}
