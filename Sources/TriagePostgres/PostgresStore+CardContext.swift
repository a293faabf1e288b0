import Foundation
import PostgresNIO
import TriageCore

extension PostgresStore {
    /// The consolidated view of one card: exception, order with lines, shipments, payments, decisions, lock, the
    /// exceptions joined to it and the orders its suggestion offered. Read in one repeatable-read transaction, so a
    /// decision committed by another server half-way through never shows half.
    public func cardContext(id: Int64, now: Date) async throws -> CardContext? {
        try await timed("cardContext") { [self] in
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
                return try await CardContextReader(connection: connection, logger: logger).context(id: id, now: now)
            }
        }
    }
}

/// Reads a card's context on one connection.
private struct CardContextReader {
    let connection: PostgresConnection
    let logger: Logger

    func context(id: Int64, now: Date) async throws -> CardContext? {
        guard let card = try await rows(
                "SELECT \(unescaped: PostgresReviewRows.cardColumns(of: "c")) FROM cards c WHERE c.id = \(id)"
            ).first.map({ try PostgresReviewRows.card($0) }),
            let exception = try await exceptions(
                "SELECT \(unescaped: PostgresExceptionRows.columns) FROM exceptions WHERE id = \(card.card.exceptionID)"
            ).first
        else { return nil }
        let order = try await order(for: card, exception: exception)
        let number = order?.orderNumber ?? ""
        var context = CardContext(
            card: card, exception: exception, order: order,
            shipments: try await rows(
                """
                SELECT \(unescaped: PostgresReferenceRows.shipmentColumns) FROM shipments
                WHERE order_number = \(number) ORDER BY shipment_id
                """
            ).map(PostgresReferenceRows.shipment),
            payments: try await rows(
                """
                SELECT \(unescaped: PostgresReferenceRows.paymentColumns) FROM payments
                WHERE order_number = \(number) ORDER BY updated_at DESC
                """
            ).map(PostgresReferenceRows.payment),
            decisions: try await rows(
                "SELECT \(unescaped: PostgresReviewRows.decisionColumns) FROM decisions WHERE card_id = \(id) ORDER BY id"
            ).map(PostgresReviewRows.decision),
            lockedBy: try await rows(
                "SELECT user_name FROM card_locks WHERE card_id = \(id) AND until > \(now.timeIntervalSince1970)"
            ).first?.decode(String.self),
            linked: try await exceptions(
                """
                SELECT \(unescaped: PostgresExceptionRows.columns) FROM exceptions WHERE id IN (
                  SELECT exception_id FROM card_links WHERE card_id = \(id)
                  UNION SELECT exception_id FROM cards WHERE joined_to = \(id))
                ORDER BY occurred_at, id
                """))
        context.candidateOrders = try await PostgresOrderReads(connection: connection, logger: logger)
            .orders(ids: ReviewPlanner.candidateOrderIDs(of: card))
        return context
    }

    /// The first stored order of those the card refers to.
    private func order(for card: StoredCard, exception: ExceptionRecord) async throws -> Order? {
        let reads = PostgresOrderReads(connection: connection, logger: logger)
        for reference in try ReviewPlanner.orderReferences(of: card, exception: exception) {
            if let order = try await reads.order(reference) { return order }
        }
        return nil
    }

    private func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await connection.query(query, logger: logger).collect()
    }

    private func exceptions(_ query: PostgresQuery) async throws -> [ExceptionRecord] {
        try await rows(query).map(PostgresExceptionRows.record)
    }
}
