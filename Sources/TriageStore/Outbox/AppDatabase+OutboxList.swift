import Foundation
import GRDB
import TriageCore

/// One outbox message as `triage outbox list` shows it.
public struct OutboxEntry: Sendable, Hashable {
    /// The stored message.
    public var message: OutboxMessage
    /// When the message was written.
    public var createdAt: Date
    /// When the receiver accepted it, if it has.
    public var deliveredAt: Date?
}

/// Which outbox messages to list.
public struct OutboxFilter: Sendable, Hashable {
    /// Only messages in this state.
    public var state: OutboxState?
    /// Only messages for this system.
    public var system: String?
    /// At most this many, oldest first.
    public var limit: Int

    /// Creates a filter.
    public init(state: OutboxState? = nil, system: String? = nil, limit: Int = 100) {
        self.state = state
        self.system = system
        self.limit = limit
    }
}

extension AppDatabase {
    /// Messages matching `filter`, oldest first, and how many match in all.
    public func outboxEntries(_ filter: OutboxFilter) throws -> (entries: [OutboxEntry], total: Int) {
        let condition = "(?1 IS NULL OR state = ?1) AND (?2 IS NULL OR target_system = ?2)"
        let arguments: StatementArguments = [filter.state?.rawValue, filter.system]
        return try writer.read { db in
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
}
