import Foundation
import GRDB
import TriageCore

/// The AI queue: one row per unstructured exception; claims are one `UPDATE … RETURNING`, and a suggestion is
/// written on the card in the same transaction that acks the job.
extension AppDatabase: AIJobQueue {
    public func claim(
        owner: String, limit: Int, now: Date, leaseSeconds: Double, task: AITask? = nil, maxAttempts: Int = 4
    ) async throws -> [AIJob] {
        let time = now.timeIntervalSince1970
        return try await writer.write { db in
            try deadLetterExhausted(db, now: now, task: task, maxAttempts: maxAttempts)
            return try Row.fetchAll(
                db,
                sql: """
                    UPDATE ai_jobs SET state = 'leased', lease_owner = ?, lease_until = ?, attempts = attempts + 1,
                      updated_at = ?
                    WHERE id IN (
                      SELECT id FROM ai_jobs
                      WHERE ((state = 'queued' AND not_before <= ?) OR (state = 'leased' AND lease_until < ?))
                        AND (? IS NULL OR task = ?) AND attempts < ?
                      ORDER BY id LIMIT ?)
                    RETURNING *
                    """,
                arguments: [
                    owner, time + leaseSeconds, time, time, time, task?.rawValue, task?.rawValue, maxAttempts, limit,
                ]
            ).map(AIJobRows.job).sorted { $0.id < $1.id }
        }
    }

    public func exception(forJob job: AIJob) async throws -> ExceptionRecord? {
        try await writer.read { db in try ExceptionRows.fetch(db, id: job.exceptionID) }
    }

    public func complete(_ job: AIJob, with suggestion: Suggestion, now: Date) async throws -> Bool {
        try await completeAll([(job, suggestion)], now: now).contains(job.id)
    }

    public func completeAll(_ results: [(job: AIJob, suggestion: Suggestion)], now: Date) async throws -> Set<Int64> {
        try await writer.write { db in
            var acked: Set<Int64> = []
            for (job, suggestion) in results where try ackLeased(job, state: .done, error: nil, db: db, now: now) {
                try SuggestionCardWriter(db: db).write(suggestion, exceptionID: job.exceptionID, now: now)
                acked.insert(job.id)
            }
            return acked
        }
    }

    public func fail(_ job: AIJob, next: AIJob, now: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE ai_jobs SET state = ?, not_before = ?, last_error = ?, lease_owner = NULL,
                      lease_until = NULL, updated_at = ?
                    WHERE id = ? AND state = 'leased' AND lease_owner = ?
                    """,
                arguments: [
                    next.state.rawValue, next.notBefore.timeIntervalSince1970, next.lastError,
                    now.timeIntervalSince1970, job.id, job.leaseOwner,
                ])
            guard db.changesCount == 1 else { return }
            let reason = next.lastError ?? "unknown error"
            let cards = SuggestionCardWriter(db: db)
            guard next.state == .dead else {
                return try cards.writeRetry(
                    exceptionID: job.exceptionID, reason: reason, attempts: job.attempts, nextTry: next.notBefore,
                    now: now)
            }
            try cards.writeDead(exceptionID: job.exceptionID, reason: reason, attempts: job.attempts, now: now)
        }
    }

    public func extendLeases(_ jobs: [AIJob], until: Date) async throws -> Set<Int64> {
        guard !jobs.isEmpty else { return [] }
        return try await writer.write { db in
            var held = Set<Int64>()
            let statement = try db.cachedStatement(
                sql: "UPDATE ai_jobs SET lease_until = ? WHERE id = ? AND state = 'leased' AND lease_owner = ?")
            for job in jobs {
                try statement.execute(arguments: [until.timeIntervalSince1970, job.id, job.leaseOwner])
                if db.changesCount == 1 { held.insert(job.id) }
            }
            return held
        }
    }

    public func release(_ job: AIJob) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE ai_jobs SET state = 'queued', attempts = MAX(attempts - 1, 0), lease_owner = NULL,
                      lease_until = NULL
                    WHERE id = ? AND state = 'leased' AND lease_owner = ?
                    """, arguments: [job.id, job.leaseOwner])
        }
    }

    public func jobCounts() async throws -> [AIJobState: Int] {
        try await writer.read { db in
            var counts: [AIJobState: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM ai_jobs GROUP BY state") {
                if let state = AIJobState(rawValue: row["state"]) { counts[state] = row["n"] }
            }
            return counts
        }
    }

    public func nextDueDate(task: AITask? = nil) async throws -> Date? {
        try await writer.read { db in
            try Double.fetchOne(
                db,
                sql: """
                    SELECT MIN(CASE state WHEN 'queued' THEN not_before ELSE lease_until END) FROM ai_jobs
                    WHERE state IN ('queued', 'leased') AND (? IS NULL OR task = ?)
                    """, arguments: [task?.rawValue, task?.rawValue]
            ).map(Date.init(timeIntervalSince1970:))
        }
    }

    /// All jobs, for tests and the crash check.
    public func aiJobs() throws -> [AIJob] {
        try writer.read { db in try Row.fetchAll(db, sql: "SELECT * FROM ai_jobs ORDER BY id").map(AIJobRows.job) }
    }

    private func ackLeased(_ job: AIJob, state: AIJobState, error: String?, db: Database, now: Date) throws -> Bool {
        try db.execute(
            sql: """
                UPDATE ai_jobs SET state = ?, last_error = ?, lease_owner = NULL, lease_until = NULL, updated_at = ?
                WHERE id = ? AND state = 'leased' AND lease_owner = ?
                """, arguments: [state.rawValue, error, now.timeIntervalSince1970, job.id, job.leaseOwner])
        return db.changesCount == 1
    }
}

enum AIJobRows {
    static func job(_ row: Row) throws -> AIJob {
        let leaseUntil: Double? = row["lease_until"]
        return AIJob(
            id: row["id"], exceptionID: row["exception_id"], task: AITask(rawValue: row["task"]) ?? .returnMatch,
            state: AIJobState(rawValue: row["state"]) ?? .queued, attempts: row["attempts"],
            leaseOwner: row["lease_owner"], leaseUntil: leaseUntil.map(Date.init(timeIntervalSince1970:)),
            notBefore: Date(timeIntervalSince1970: row["not_before"]), lastError: row["last_error"])
    }
}
