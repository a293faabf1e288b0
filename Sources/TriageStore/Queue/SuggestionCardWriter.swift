import Foundation
import GRDB
import TriageCore

/// Writes the worker's result onto the exception's existing card; never creates a second card.
struct SuggestionCardWriter {
    let db: Database

    func write(_ suggestion: Suggestion, exceptionID: Int64, now: Date) throws {
        let encoder = JSONCoding.encoder()
        let json = String(decoding: try encoder.encode(suggestion), as: UTF8.self)
        let flags = String(decoding: try encoder.encode(suggestion.flags), as: UTF8.self)
        try db.execute(
            sql: """
                UPDATE cards SET status = 'open', summary = ?, suggestion = ?, confidence = ?, model = ?,
                  prompt_version = ?, flags = ?, updated_at = ?
                WHERE exception_id = ?
                """,
            arguments: [
                WorkerCardText.suggested(suggestion), json, suggestion.confidence.rawValue, suggestion.model,
                suggestion.promptVersion, flags, now.timeIntervalSince1970, exceptionID,
            ])
        // Only a high-confidence match joins another card: a guess must not hide a request inside the wrong card.
        if suggestion.confidence == .high, let number = suggestion.parameters["order_number"]?.text, !number.isEmpty {
            _ = try CardJoin(db: db).joinMatchedOrder(exceptionID: exceptionID, orderNumber: number, now: now)
        }
    }

    /// Says on a card still waiting for the worker why the last attempt failed and when the next one is.
    func writeRetry(exceptionID: Int64, reason: String, attempts: Int, nextTry: Date, now: Date) throws {
        let summary = WorkerCardText.retrying(reason: reason, attempts: attempts, nextTry: nextTry)
        try db.execute(
            sql: "UPDATE cards SET summary = ?, updated_at = ? WHERE exception_id = ? AND status = 'awaiting_worker'",
            arguments: [summary, now.timeIntervalSince1970, exceptionID])
    }

    func writeDead(exceptionID: Int64, reason: String, attempts: Int, now: Date) throws {
        try db.execute(
            sql: """
                UPDATE cards SET status = 'open', decision_type = 'judgment', summary = ?, flags = ?, updated_at = ?
                WHERE exception_id = ?
                """,
            arguments: [
                WorkerCardText.gaveUp(reason: reason, attempts: attempts), WorkerCardText.gaveUpFlags,
                now.timeIntervalSince1970, exceptionID,
            ])
    }
}
