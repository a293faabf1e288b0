import Foundation
import GRDB
import TriageCore

extension AppDatabase: OutboxAdmin {
    public func outboxEntries(_ filter: OutboxFilter) async throws -> (entries: [OutboxEntry], total: Int) {
        let condition = "(?1 IS NULL OR state = ?1) AND (?2 IS NULL OR target_system = ?2)"
        let arguments: StatementArguments = [filter.state?.rawValue, filter.system]
        return try await writer.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM outbox WHERE \(condition) ORDER BY id LIMIT \(max(0, filter.limit))",
                arguments: arguments)
            let total = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM outbox WHERE \(condition)", arguments: arguments)
            let entries = try rows.map { row in
                OutboxEntry(
                    message: try OutboxRows.message(row), createdAt: Date(timeIntervalSince1970: row["created_at"]),
                    deliveredAt: (row["delivered_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
            }
            return (entries, total ?? 0)
        }
    }

    public func outboxMessages(ids: [Int64]) async throws -> [OutboxMessage] {
        try await writer.read { db in
            try SQLRequest<Row>("SELECT * FROM outbox WHERE id IN \(ids) ORDER BY id").fetchAll(db).map(OutboxRows.message)
        }
    }

    public func failedOutboxMessages(system: String?) async throws -> [OutboxMessage] {
        try await writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM outbox WHERE state = 'failed' AND (?1 IS NULL OR target_system = ?1) ORDER BY id",
                arguments: [system]
            ).map(OutboxRows.message)
        }
    }

    public func markOutboxPending(ids: [Int64], now: Date) async throws -> [Int64] {
        try await writer.write { db in
            var changed: [Int64] = []
            for id in ids {
                guard let row = try Row.fetchOne(
                    db, sql: "SELECT exception_id FROM outbox WHERE id = ? AND state = 'failed'", arguments: [id])
                else { continue }
                try db.execute(
                    sql: "UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ? WHERE id = ?",
                    arguments: [now.timeIntervalSince1970, id])
                changed.append(id)
                guard let exceptionID = row["exception_id"] as Int64? else { continue }
                try db.execute(
                    sql: """
                        UPDATE decisions SET outcome = NULL
                        WHERE outcome = 'failed' AND card_id = (SELECT id FROM cards WHERE exception_id = ?)
                        """, arguments: [exceptionID])
            }
            return changed
        }
    }
}
