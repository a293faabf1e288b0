import Foundation
import GRDB
import TriageCore

extension AppDatabase {
    /// Every message, oldest first (for summaries and tests).
    public func outboxMessages(state: OutboxState? = nil) throws -> [OutboxMessage] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM outbox WHERE ? IS NULL OR state = ? ORDER BY id",
                arguments: [state?.rawValue, state?.rawValue]
            ).map(OutboxRows.message)
        }
    }

    /// Saves a message's new delivery state, and the outcome on the decision that caused it, whoever leased it (for
    /// a person's requeue and for tests).
    public func saveDelivery(_ message: OutboxMessage, at date: Date) async throws {
        _ = try await writer.write { db in try OutboxRows.save(message, at: date, owner: nil, db: db) }
    }
}

enum OutboxRows {
    static func message(_ row: Row) throws -> OutboxMessage {
        let payloadText: String = row["payload"]
        return OutboxMessage(
            id: row["id"], exceptionID: row["exception_id"], targetSystem: row["target_system"],
            messageType: row["message_type"], payload: try JSONCoding.decode(JSONValue.self, from: payloadText),
            idempotencyKey: row["idempotency_key"], state: OutboxState(rawValue: row["state"]) ?? .pending,
            attempts: row["attempts"], nextAttemptAt: Date(timeIntervalSince1970: row["next_attempt_at"]),
            lastError: row["last_error"])
    }
}
