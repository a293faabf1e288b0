import Foundation
import GRDB
import TriageCore

/// What a retry request changed.
public struct OutboxRequeue: Sendable, Hashable {
    /// Failed messages put back to pending, as they were before (state, attempts and last error).
    public var requeued: [OutboxMessage] = []
    /// Ids asked for that were already pending: nothing to do.
    public var alreadyPending: [Int64] = []
}

/// Why a retry request was refused; nothing was changed.
public enum OutboxRequeueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No message has these ids.
    case unknown([Int64])
    /// These messages were delivered: sending them again is not a retry.
    case delivered([Int64])

    public var description: String {
        switch self {
        case .unknown(let ids): "no outbox message with id \(ids.map(String.init).joined(separator: ", "))"
        case .delivered(let ids):
            "outbox message \(ids.map(String.init).joined(separator: ", ")) already delivered; not requeued"
        }
    }
}

extension AppDatabase {
    /// Puts the failed messages among `ids` back to pending, due at `now`, with attempts reset to 0; the last error
    /// is kept until the next attempt replaces it. Unknown or delivered ids refuse the whole request.
    public func requeueOutbox(ids: [Int64], now: Date) throws -> OutboxRequeue {
        try writer.write { db in
            var found: [Int64: OutboxMessage] = [:]
            for id in Set(ids) {
                let row = try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE id = ?", arguments: [id])
                if let row { found[id] = try OutboxRows.message(row) }
            }
            let unknown = ids.filter { found[$0] == nil }
            if !unknown.isEmpty { throw OutboxRequeueError.unknown(unknown) }
            let delivered = ids.filter { found[$0]?.state == .delivered }
            if !delivered.isEmpty { throw OutboxRequeueError.delivered(delivered) }
            var result = OutboxRequeue()
            result.alreadyPending = ids.filter { found[$0]?.state == .pending }
            result.requeued = try Self.requeue(found.values.filter { $0.state == .failed }, db: db, now: now)
            return result
        }
    }

    /// Puts every failed message (of `system`, when given) back to pending, due at `now`.
    public func requeueFailedOutbox(system: String?, now: Date) throws -> OutboxRequeue {
        try writer.write { db in
            let failed = try Row.fetchAll(
                db, sql: "SELECT * FROM outbox WHERE state = 'failed' AND (?1 IS NULL OR target_system = ?1)",
                arguments: [system]
            ).map(OutboxRows.message)
            return OutboxRequeue(requeued: try Self.requeue(failed, db: db, now: now))
        }
    }

    private static func requeue(_ messages: [OutboxMessage], db: Database, now: Date) throws -> [OutboxMessage] {
        for message in messages {
            try db.execute(
                sql: "UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ? WHERE id = ?",
                arguments: [now.timeIntervalSince1970, message.id])
            guard let exceptionID = message.exceptionID else { continue }
            try db.execute(
                sql: """
                    UPDATE decisions SET outcome = NULL
                    WHERE outcome = 'failed' AND card_id = (SELECT id FROM cards WHERE exception_id = ?)
                    """, arguments: [exceptionID])
        }
        return messages.sorted { $0.id < $1.id }
    }
}
