import Foundation
import GRDB
import TriageCore

extension AppDatabase: OutboxQueue {
    public func dueOutboxCounts(now: Date) async throws -> [String: Int] {
        try await writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT target_system, COUNT(*) FROM outbox
                    WHERE state = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)
                    GROUP BY target_system
                    """, arguments: [now.timeIntervalSince1970, now.timeIntervalSince1970])
            return Dictionary(uniqueKeysWithValues: rows.map { (row: Row) -> (String, Int) in (row[0], row[1]) })
        }
    }

    public func claimOutbox(owner: String, systems: Set<String>, now: Date, limit: Int, leaseSeconds: Double)
        async throws -> [OutboxMessage]
    {
        guard !systems.isEmpty else { return [] }
        let time = now.timeIntervalSince1970
        return try await writer.write { db in
            try SQLRequest<Row>(
                """
                UPDATE outbox SET lease_owner = \(owner), lease_until = \(time + leaseSeconds)
                WHERE id IN (
                  SELECT id FROM outbox
                  WHERE state = 'pending' AND next_attempt_at <= \(time) AND (lease_until IS NULL OR lease_until < \(time))
                    AND target_system IN \(Array(systems))
                  ORDER BY id LIMIT \(limit))
                RETURNING *
                """
            ).fetchAll(db).map(OutboxRows.message).sorted { $0.id < $1.id }
        }
    }

    public func releaseOutbox(ids: [Int64], owner: String) async throws {
        guard !ids.isEmpty else { return }
        try await writer.write { db in
            try db.execute(
                literal: "UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE id IN \(ids) AND lease_owner = \(owner)")
        }
    }

    public func saveDelivery(_ message: OutboxMessage, owner: String, at date: Date) async throws -> Bool {
        try await writer.write { db in
            try OutboxRows.save(message, at: date, owner: owner, db: db)
        }
    }
}

extension OutboxRows {
    /// Saves a message's delivery state and releases its lease (only while `owner` holds it, when given), and puts
    /// a final outcome on the decision that caused it; false when nothing was saved.
    static func save(_ message: OutboxMessage, at date: Date, owner: String?, db: Database) throws -> Bool {
        try db.execute(
            sql: """
                UPDATE outbox SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ?,
                  delivered_at = CASE WHEN ? = 'delivered' THEN ? ELSE delivered_at END,
                  lease_owner = NULL, lease_until = NULL
                WHERE id = ? AND (? IS NULL OR lease_owner = ?)
                """,
            arguments: [
                message.state.rawValue, message.attempts, message.nextAttemptAt.timeIntervalSince1970,
                message.lastError, message.state.rawValue, date.timeIntervalSince1970, message.id, owner, owner,
            ])
        guard db.changesCount > 0 else { return false }
        guard message.state != .pending, let exceptionID = message.exceptionID else { return true }
        try db.execute(
            sql: "UPDATE decisions SET outcome = ? WHERE card_id = (SELECT id FROM cards WHERE exception_id = ?)",
            arguments: [message.state.rawValue, exceptionID])
        return true
    }
}
