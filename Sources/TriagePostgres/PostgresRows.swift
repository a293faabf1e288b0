import Foundation
import PostgresNIO
import TriageCore

/// Decodes `ai_jobs` rows, selected with `columns`.
enum PostgresJobRows {
    static let columns = columns(of: nil)

    /// The columns qualified with a table alias, for statements that join.
    static func columns(of alias: String?) -> String {
        let names = ["id", "exception_id", "task", "state", "attempts", "lease_owner", "lease_until", "not_before", "last_error"]
        return names.map { (alias.map { $0 + "." } ?? "") + $0 }.joined(separator: ", ")
    }

    static func jobs(_ rows: PostgresRowSequence) async throws -> [AIJob] {
        try await rows.collect().map(job)
    }

    static func job(_ row: PostgresRow) throws -> AIJob {
        let (id, exceptionID, task, state, attempts, owner, leaseUntil, notBefore, lastError) = try row.decode(
            (Int64, Int64, String, String, Int64, String?, Double?, Double, String?).self)
        guard let aiTask = AITask(rawValue: task), let jobState = AIJobState(rawValue: state) else {
            throw PostgresRowError(description: "ai_jobs row \(id): unknown task \(task) or state \(state)")
        }
        return AIJob(
            id: id, exceptionID: exceptionID, task: aiTask, state: jobState, attempts: Int(attempts), leaseOwner: owner,
            leaseUntil: leaseUntil.map(Date.init(timeIntervalSince1970:)),
            notBefore: Date(timeIntervalSince1970: notBefore), lastError: lastError)
    }
}

/// Decodes `exceptions` rows, selected with `columns`.
enum PostgresExceptionRows {
    static let columns = columns(of: nil)

    /// The columns qualified with a table alias, for statements that join.
    static func columns(of alias: String?) -> String {
        let names = [
            "id", "source", "event_id", "kind", "reason", "occurred_at", "received_at", "order_number",
            "handling_minutes", "text", "payload",
        ]
        return names.map { (alias.map { $0 + "." } ?? "") + $0 }.joined(separator: ", ")
    }

    static func records(_ rows: PostgresRowSequence) async throws -> [ExceptionRecord] {
        try await rows.collect().map(record)
    }

    static func record(_ row: PostgresRow) throws -> ExceptionRecord {
        try record(row, offset: 0)
    }

    /// A record from the row's columns starting at `offset` (after the columns of a join).
    static func record(_ row: PostgresRow, offset: Int) throws -> ExceptionRecord {
        let cells = row.makeRandomAccess()
        func cell<T: PostgresDecodable>(_ index: Int, _ type: T.Type) throws -> T {
            try cells[offset + index].decode(T.self)
        }
        let (id, source, eventID, kind) = (
            try cell(0, Int64.self), try cell(1, String.self), try cell(2, String.self), try cell(3, String.self))
        let (reason, occurredAt, receivedAt, orderNumber) = (
            try cell(4, String?.self), try cell(5, Double.self), try cell(6, Double.self), try cell(7, String?.self))
        let (minutes, text, payload) = (try cell(8, Double?.self), try cell(9, String?.self), try cell(10, String.self))
        guard let exceptionKind = ExceptionKind(rawValue: kind) else {
            throw PostgresRowError(description: "exceptions row \(id): unknown kind \(kind)")
        }
        let exception = NewException(
            source: source, eventID: eventID, kind: exceptionKind, reason: reason,
            occurredAt: Date(timeIntervalSince1970: occurredAt), orderNumber: orderNumber, handlingMinutes: minutes,
            text: text, payload: try JSONParser.object(payload))
        return ExceptionRecord(id: id, exception: exception, receivedAt: Date(timeIntervalSince1970: receivedAt))
    }
}

/// A stored row that cannot be read, naming the table, the row and the field.
public struct PostgresRowError: Error, CustomStringConvertible {
    /// What is wrong.
    public let description: String
}
