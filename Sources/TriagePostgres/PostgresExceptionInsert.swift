import Foundation
import PostgresNIO
import TriageCore

/// One multi-row insert of exceptions, idempotent on (source, event id): rows stored before, or earlier in the same
/// list, are skipped, and the statement returns the new rows' ids with their keys.
struct PostgresExceptionInsert {
    /// Rows per statement: ten bindings a row, under PostgreSQL's 65,535 bindings per statement.
    static let chunk = 2_000

    let query: PostgresQuery

    init(_ exceptions: [NewException], receivedAt: Date) {
        let received = receivedAt.timeIntervalSince1970
        var values = ValuesList()
        for exception in exceptions {
            values.add { binds in
                binds.append(exception.source)
                binds.append(exception.eventID)
                binds.append(exception.kind.rawValue)
                binds.append(exception.reason)
                binds.append(exception.occurredAt.timeIntervalSince1970)
                binds.append(received)
                binds.append(exception.orderNumber)
                binds.append(exception.handlingMinutes)
                binds.append(exception.text)
                binds.append(exception.payloadText)
            }
        }
        query = values.query(
            """
            INSERT INTO exceptions (source, event_id, kind, reason, occurred_at, received_at, order_number,
              handling_minutes, text, payload)
            """, "ON CONFLICT (source, event_id) DO NOTHING RETURNING id, source, event_id")
    }

    /// The returned rows' ids by key (see `key(_:)`).
    static func ids(_ rows: [PostgresRow]) throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for row in rows {
            let (id, source, eventID) = try row.decode((Int64, String, String).self)
            ids[key(source, eventID)] = id
        }
        return ids
    }

    /// An exception's key in `ids(_:)`.
    static func key(_ source: String, _ eventID: String) -> String { source + "\u{1F}" + eventID }

    /// The stored record of each exception in order: the first of each key that the statement stored, else nil.
    static func records(_ exceptions: [NewException], ids: [String: Int64], receivedAt: Date) -> [ExceptionRecord?] {
        var unclaimed = ids
        return exceptions.map { exception in
            unclaimed.removeValue(forKey: key(exception.source, exception.eventID)).map {
                ExceptionRecord(id: $0, exception: exception, receivedAt: receivedAt)
            }
        }
    }
}
