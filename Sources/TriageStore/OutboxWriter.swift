import Foundation
import GRDB
import TriageCore

/// Writes outbox messages; a repeated idempotency key is ignored, so an action is confirmed once.
struct OutboxWriter {
    let db: Database

    func enqueue(_ message: OutboxDraft, exceptionID: Int64?, at date: Date) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO outbox (exception_id, target_system, message_type, payload, idempotency_key,
                  next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING
                """)
        let payload = message.payload.serialized
        let now = date.timeIntervalSince1970
        try statement.execute(arguments: [
            exceptionID, message.targetSystem, message.messageType, payload, message.idempotencyKey, now, now,
        ])
    }
}
