import Foundation
import GRDB
import TriageCore

extension AppDatabase {
    /// Dead-letters every claimable job that has used all its attempts, with a card that says so.
    ///
    /// A job whose worker died mid-attempt is still leased; once the lease expires it would be claimed again,
    /// and a job that kills every worker that runs it would be claimed forever. A claim therefore counts the
    /// attempt, and a job whose attempts are exhausted is dead at claim time instead of run again.
    func deadLetterExhausted(_ db: Database, now: Date, task: AITask?, maxAttempts: Int) throws {
        let time = now.timeIntervalSince1970
        let rows = try Row.fetchAll(
            db,
            sql: """
                UPDATE ai_jobs SET state = 'dead', last_error = ?, lease_owner = NULL, lease_until = NULL, updated_at = ?
                WHERE ((state = 'queued' AND not_before <= ?) OR (state = 'leased' AND lease_until < ?))
                  AND (? IS NULL OR task = ?) AND attempts >= ?
                RETURNING exception_id, attempts
                """,
            arguments: [
                WorkerCardText.exhaustedReason, time, time, time, task?.rawValue, task?.rawValue, maxAttempts,
            ])
        for row in rows {
            try SuggestionCardWriter(db: db).writeDead(
                exceptionID: row["exception_id"], reason: WorkerCardText.exhaustedReason, attempts: row["attempts"], now: now)
        }
    }
}
