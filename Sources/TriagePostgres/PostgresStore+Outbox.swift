import Foundation
import PostgresNIO
import TriageCore

extension PostgresStore: OutboxQueue {
    public func dueOutboxCounts(now: Date) async throws -> [String: Int] {
        let time = now.timeIntervalSince1970
        return try await timed("dueOutboxCounts") { [self] in
            let rows = try await client.query(
                """
                SELECT target_system, COUNT(*) FROM outbox
                WHERE state = 'pending' AND next_attempt_at <= \(time) AND (lease_until IS NULL OR lease_until < \(time))
                GROUP BY target_system
                """, logger: logger)
            var counts: [String: Int] = [:]
            for row in try await rows.collect() {
                let (system, count) = try row.decode((String, Int64).self)
                counts[system] = Int(count)
            }
            return counts
        }
    }

    /// One statement: the due messages are locked with `FOR UPDATE SKIP LOCKED`, so relays claiming at once take
    /// different messages instead of waiting for each other.
    public func claimOutbox(owner: String, systems: Set<String>, now: Date, limit: Int, leaseSeconds: Double)
        async throws -> [OutboxMessage]
    {
        guard !systems.isEmpty else { return [] }
        let time = now.timeIntervalSince1970
        return try await timed("claimOutbox") { [self] in
            let rows = try await client.query(
                """
                WITH due AS (
                  SELECT id FROM outbox
                  WHERE state = 'pending' AND next_attempt_at <= \(time) AND (lease_until IS NULL OR lease_until < \(time))
                    AND target_system = ANY(\(Array(systems)))
                  ORDER BY id LIMIT \(Int64(limit)) FOR UPDATE SKIP LOCKED)
                UPDATE outbox AS o SET lease_owner = \(owner), lease_until = \(time + leaseSeconds)
                FROM due WHERE o.id = due.id
                RETURNING \(unescaped: PostgresOutboxRows.columns(of: "o"))
                """, logger: logger)
            return try await rows.collect().map(PostgresOutboxRows.message).sorted { $0.id < $1.id }
        }
    }

    public func releaseOutbox(ids: [Int64], owner: String) async throws {
        guard !ids.isEmpty else { return }
        try await timed("releaseOutbox") { [self] in
            try await client.query(
                "UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE id = ANY(\(ids)) AND lease_owner = \(owner)",
                logger: logger)
        }
    }

    public func saveDelivery(_ message: OutboxMessage, owner: String, at date: Date) async throws -> Bool {
        try await timed("saveDelivery") { [self] in
            try await client.withTransaction(logger: logger) { connection in
                let state = message.state.rawValue
                let saved = try await connection.query(
                    """
                    UPDATE outbox SET state = \(state), attempts = \(Int64(message.attempts)),
                      next_attempt_at = \(message.nextAttemptAt.timeIntervalSince1970), last_error = \(message.lastError),
                      delivered_at = CASE WHEN \(state) = 'delivered' THEN \(date.timeIntervalSince1970) ELSE delivered_at END,
                      lease_owner = NULL, lease_until = NULL
                    WHERE id = \(message.id) AND lease_owner = \(owner)
                    RETURNING id
                    """, logger: logger
                ).collect()
                guard !saved.isEmpty else { return false }
                guard message.state != .pending, let exceptionID = message.exceptionID else { return true }
                try await connection.query(
                    """
                    UPDATE decisions SET outcome = \(state)
                    WHERE card_id = (SELECT id FROM cards WHERE exception_id = \(exceptionID))
                    """, logger: logger)
                return true
            }
        }
    }
}

/// Decodes outbox rows selected with `columns(of:)`.
enum PostgresOutboxRows {
    static func columns(of alias: String) -> String {
        [
            "id", "exception_id", "target_system", "message_type", "payload", "idempotency_key", "state", "attempts",
            "next_attempt_at", "last_error",
        ].map { alias + "." + $0 }.joined(separator: ", ")
    }

    static func message(_ row: PostgresRow) throws -> OutboxMessage {
        let cells = row.makeRandomAccess()
        let (id, exceptionID, system, type) = (
            try cells[0].decode(Int64.self), try cells[1].decode(Int64?.self), try cells[2].decode(String.self),
            try cells[3].decode(String.self))
        let (payload, key, state, attempts) = (
            try cells[4].decode(String.self), try cells[5].decode(String.self), try cells[6].decode(String.self),
            try cells[7].decode(Int64.self))
        let (next, error) = (try cells[8].decode(Double.self), try cells[9].decode(String?.self))
        guard let deliveryState = OutboxState(rawValue: state) else {
            throw PostgresRowError(description: "outbox row \(id): unknown state \(state)")
        }
        return OutboxMessage(
            id: id, exceptionID: exceptionID, targetSystem: system, messageType: type,
            payload: try JSONCoding.decode(JSONValue.self, from: payload), idempotencyKey: key, state: deliveryState,
            attempts: Int(attempts), nextAttemptAt: Date(timeIntervalSince1970: next), lastError: error)
    }
}

extension PostgresStore: OutboxAdmin {
    public func outboxEntries(_ filter: OutboxFilter) async throws -> (entries: [OutboxEntry], total: Int) {
        try await timed("outboxEntries") { [self] in
            let (state, system) = (filter.state?.rawValue, filter.system)
            let matching: PostgresQuery = """
                FROM outbox o
                WHERE (\(state)::text IS NULL OR o.state = \(state)) AND (\(system)::text IS NULL OR o.target_system = \(system))
                """
            let listed = PostgresQuery(
                unsafeSQL: "SELECT \(PostgresOutboxRows.columns(of: "o")), o.created_at, o.delivered_at " + matching.sql
                    + " ORDER BY o.id LIMIT \(max(0, filter.limit))", binds: matching.binds)
            let entries = try await client.query(listed, logger: logger).collect().map { row in
                let cells = row.makeRandomAccess()
                return OutboxEntry(
                    message: try PostgresOutboxRows.message(row),
                    createdAt: Date(timeIntervalSince1970: try cells[10].decode(Double.self)),
                    deliveredAt: try cells[11].decode(Double?.self).map(Date.init(timeIntervalSince1970:)))
            }
            let counted = PostgresQuery(unsafeSQL: "SELECT COUNT(*) " + matching.sql, binds: matching.binds)
            let total = try await client.query(counted, logger: logger).collect().first?.decode(Int64.self) ?? 0
            return (entries, Int(total))
        }
    }

    public func outboxMessages(ids: [Int64]) async throws -> [OutboxMessage] {
        try await timed("outboxMessages") { [self] in
            try await client.query(
                "SELECT \(unescaped: PostgresOutboxRows.columns(of: "o")) FROM outbox o WHERE o.id = ANY(\(ids)) ORDER BY o.id",
                logger: logger
            ).collect().map(PostgresOutboxRows.message)
        }
    }

    public func failedOutboxMessages(system: String?) async throws -> [OutboxMessage] {
        try await timed("failedOutboxMessages") { [self] in
            try await client.query(
                """
                SELECT \(unescaped: PostgresOutboxRows.columns(of: "o")) FROM outbox o
                WHERE o.state = 'failed' AND (\(system)::text IS NULL OR o.target_system = \(system)) ORDER BY o.id
                """, logger: logger
            ).collect().map(PostgresOutboxRows.message)
        }
    }

    public func markOutboxPending(ids: [Int64], now: Date) async throws -> [Int64] {
        try await timed("markOutboxPending") { [self] in
            try await client.withTransaction(logger: logger) { connection in
                let rows = try await connection.query(
                    """
                    UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = \(now.timeIntervalSince1970)
                    WHERE id = ANY(\(ids)) AND state = 'failed' RETURNING id, exception_id
                    """, logger: logger
                ).collect()
                let changed = try rows.map { try $0.decode((Int64, Int64?).self) }
                let exceptions = changed.compactMap(\.1)
                if !exceptions.isEmpty {
                    try await connection.query(
                        """
                        UPDATE decisions SET outcome = NULL
                        WHERE outcome = 'failed' AND card_id IN (SELECT id FROM cards WHERE exception_id = ANY(\(exceptions)))
                        """, logger: logger)
                }
                return changed.map(\.0).sorted()
            }
        }
    }
}
