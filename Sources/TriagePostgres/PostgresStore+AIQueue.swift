import Foundation
import PostgresNIO
import TriageCore

/// The AI queue on PostgreSQL. A claim takes up to `limit` due jobs with `FOR UPDATE SKIP LOCKED`, so processes
/// claiming at once take different rows without waiting for each other; the suggestion is written on the card in
/// the transaction that acks the job, and an ack only counts while the job is still leased to its owner.
extension PostgresStore: AIJobQueue {
    public func claim(
        owner: String, limit: Int, now: Date, leaseSeconds: Double, task: AITask?, maxAttempts: Int
    ) async throws -> [AIJob] {
        try await timed("claim") { [self] in
            let (time, taskName) = (now.timeIntervalSince1970, task?.rawValue)
            return try await client.withTransaction(logger: logger) { connection in
                try await deadLetterExhausted(connection, time: time, task: taskName, maxAttempts: maxAttempts)
                let rows = try await connection.query(
                    """
                    WITH due AS (
                      SELECT id FROM ai_jobs
                      WHERE state IN ('queued', 'leased')
                        AND ((state = 'queued' AND not_before <= \(time)) OR (state = 'leased' AND lease_until < \(time)))
                        AND (\(taskName)::text IS NULL OR task = \(taskName)) AND attempts < \(Int64(maxAttempts))
                      ORDER BY id LIMIT \(Int64(limit))
                      FOR UPDATE SKIP LOCKED)
                    UPDATE ai_jobs AS j SET state = 'leased', lease_owner = \(owner), lease_until = \(time + leaseSeconds),
                      attempts = j.attempts + 1, updated_at = \(time)
                    FROM due WHERE j.id = due.id
                    RETURNING \(unescaped: PostgresJobRows.columns(of: "j"))
                    """, logger: logger)
                return try await PostgresJobRows.jobs(rows).sorted { $0.id < $1.id }
            }
        }
    }

    public func exception(forJob job: AIJob) async throws -> ExceptionRecord? {
        try await timed("exception") { [self] in
            let rows = try await client.query(
                "SELECT \(unescaped: PostgresExceptionRows.columns) FROM exceptions WHERE id = \(job.exceptionID)",
                logger: logger)
            return try await PostgresExceptionRows.records(rows).first
        }
    }

    public func complete(_ job: AIJob, with suggestion: Suggestion, now: Date) async throws -> Bool {
        try await completeAll([(job, suggestion)], now: now).contains(job.id)
    }

    /// One statement: the acks and the card writes are data-modifying parts of one query, so they commit together,
    /// and a card is written only for a job whose ack counted. A high-confidence order match then joins the older
    /// undecided card about that order and cause (``PostgresCardJoin``), in the same transaction.
    public func completeAll(_ results: [(job: AIJob, suggestion: Suggestion)], now: Date) async throws -> Set<Int64> {
        try await timed("completeAll") { [self] in
            guard !results.isEmpty else { return [] }
            let time = now.timeIntervalSince1970
            var values = ValuesList()
            for (job, suggestion) in results {
                let encoder = JSONCoding.encoder()
                let json = String(decoding: try encoder.encode(suggestion), as: UTF8.self)
                let flags = String(decoding: try encoder.encode(suggestion.flags), as: UTF8.self)
                values.add { binds in
                    binds.append(job.id)
                    binds.append(job.leaseOwner)
                    binds.append(job.exceptionID)
                    binds.append(WorkerCardText.suggested(suggestion))
                    binds.append(json)
                    binds.append(suggestion.confidence.rawValue)
                    binds.append(suggestion.model)
                    binds.append(suggestion.promptVersion)
                    binds.append(flags)
                }
            }
            let at = values.parameter(time)
            let query = values.query(
                """
                WITH s (job_id, owner, exception_id, summary, suggestion, confidence, model, prompt_version, flags) AS (
                """,
                """
                ), acked AS (
                  UPDATE ai_jobs AS j SET state = 'done', last_error = NULL, lease_owner = NULL, lease_until = NULL,
                    updated_at = \(at)
                  FROM s WHERE j.id = s.job_id AND j.state = 'leased' AND j.lease_owner = s.owner
                  RETURNING j.id),
                carded AS (
                  UPDATE cards AS c SET status = 'open', summary = s.summary, suggestion = s.suggestion,
                    confidence = s.confidence, model = s.model, prompt_version = s.prompt_version, flags = s.flags,
                    updated_at = \(at)
                  FROM s JOIN acked ON acked.id = s.job_id
                  WHERE c.exception_id = s.exception_id
                  RETURNING c.id)
                SELECT id FROM acked
                """)
            let matched = results.compactMap { result in
                PostgresCardJoin.matchedOrder(result.suggestion).map { (job: result.job, order: $0) }
            }
            guard !matched.isEmpty else {
                return Set(try await client.query(query, logger: logger).collect().map { try $0.decode(Int64.self) })
            }
            return try await client.withTransaction(logger: logger) { connection in
                let join = PostgresCardJoin(connection: connection, logger: logger)
                try await join.lock(orders: matched.map(\.order))
                let acked = Set(try await connection.query(query, logger: logger).collect().map { try $0.decode(Int64.self) })
                for (job, order) in matched where acked.contains(job.id) {
                    _ = try await join.joinMatchedOrder(exceptionID: job.exceptionID, orderNumber: order, now: now)
                }
                return acked
            }
        }
    }

    public func fail(_ job: AIJob, next: AIJob, now: Date) async throws {
        try await timed("fail") { [self] in
            let time = now.timeIntervalSince1970
            let reason = next.lastError ?? "unknown error"
            try await client.withTransaction(logger: logger) { connection in
                let rows = try await connection.query(
                    """
                    UPDATE ai_jobs SET state = \(next.state.rawValue), not_before = \(next.notBefore.timeIntervalSince1970),
                      last_error = \(next.lastError), lease_owner = NULL, lease_until = NULL, updated_at = \(time)
                    WHERE id = \(job.id) AND state = 'leased' AND lease_owner = \(job.leaseOwner)
                    RETURNING id
                    """, logger: logger)
                guard try await rows.collect().count == 1 else { return }
                if next.state == .dead {
                    try await writeGaveUp(connection, exceptionID: job.exceptionID, reason: reason, attempts: job.attempts, time: time)
                } else {
                    let summary = WorkerCardText.retrying(reason: reason, attempts: job.attempts, nextTry: next.notBefore)
                    try await connection.query(
                        """
                        UPDATE cards SET summary = \(summary), updated_at = \(time)
                        WHERE exception_id = \(job.exceptionID) AND status = 'awaiting_worker'
                        """, logger: logger)
                }
            }
        }
    }

    public func extendLeases(_ jobs: [AIJob], until: Date) async throws -> Set<Int64> {
        guard !jobs.isEmpty else { return [] }
        return try await timed("extendLeases") { [self] in
            let rows = try await client.query(
                """
                UPDATE ai_jobs AS j SET lease_until = \(until.timeIntervalSince1970)
                FROM unnest(\(jobs.map(\.id)), \(jobs.map { $0.leaseOwner ?? "" })) AS h (id, owner)
                WHERE j.id = h.id AND j.state = 'leased' AND j.lease_owner = h.owner
                RETURNING j.id
                """, logger: logger)
            return Set(try await rows.collect().map { try $0.decode(Int64.self) })
        }
    }

    public func release(_ job: AIJob) async throws {
        try await timed("release") { [self] in
            try await client.query(
                """
                UPDATE ai_jobs SET state = 'queued', attempts = GREATEST(attempts - 1, 0), lease_owner = NULL,
                  lease_until = NULL
                WHERE id = \(job.id) AND state = 'leased' AND lease_owner = \(job.leaseOwner)
                """, logger: logger)
        }
    }

    public func jobCounts() async throws -> [AIJobState: Int] {
        try await timed("jobCounts") { [self] in
            let rows = try await client.query("SELECT state, COUNT(*) FROM ai_jobs GROUP BY state", logger: logger)
            var counts: [AIJobState: Int] = [:]
            for try await (state, count) in rows.decode((String, Int64).self) {
                if let state = AIJobState(rawValue: state) { counts[state] = Int(count) }
            }
            return counts
        }
    }

    public func nextDueDate(task: AITask?) async throws -> Date? {
        try await timed("nextDueDate") { [self] in
            let taskName = task?.rawValue
            let rows = try await client.query(
                """
                SELECT MIN(CASE state WHEN 'queued' THEN not_before ELSE lease_until END) FROM ai_jobs
                WHERE state IN ('queued', 'leased') AND (\(taskName)::text IS NULL OR task = \(taskName))
                """, logger: logger)
            let next = try await rows.collect().first.map { try $0.decode(Double?.self) } ?? nil
            return next.map(Date.init(timeIntervalSince1970:))
        }
    }

    /// Every job in id order, for tests and the exactly-once checks of benchmarks.
    public func aiJobs() async throws -> [AIJob] {
        try await timed("aiJobs") { [self] in
            let rows = try await client.query(
                "SELECT \(unescaped: PostgresJobRows.columns) FROM ai_jobs ORDER BY id", logger: logger)
            return try await PostgresJobRows.jobs(rows)
        }
    }

    /// Dead-letters every claimable job with no attempts left (its last worker died mid-attempt), with a card that
    /// says so: a job that kills every worker running it is not claimed forever.
    private func deadLetterExhausted(
        _ connection: PostgresConnection, time: Double, task: String?, maxAttempts: Int
    ) async throws {
        let rows = try await connection.query(
            """
            WITH exhausted AS (
              SELECT id FROM ai_jobs
              WHERE state IN ('queued', 'leased')
                AND ((state = 'queued' AND not_before <= \(time)) OR (state = 'leased' AND lease_until < \(time)))
                AND (\(task)::text IS NULL OR task = \(task)) AND attempts >= \(Int64(maxAttempts))
              FOR UPDATE SKIP LOCKED)
            UPDATE ai_jobs AS j SET state = 'dead', last_error = \(WorkerCardText.exhaustedReason), lease_owner = NULL,
              lease_until = NULL, updated_at = \(time)
            FROM exhausted WHERE j.id = exhausted.id
            RETURNING j.exception_id, j.attempts
            """, logger: logger)
        for row in try await rows.collect() {
            let (exceptionID, attempts) = try row.decode((Int64, Int64).self)
            try await writeGaveUp(
                connection, exceptionID: exceptionID, reason: WorkerCardText.exhaustedReason, attempts: Int(attempts),
                time: time)
        }
    }

    private func writeGaveUp(
        _ connection: PostgresConnection, exceptionID: Int64, reason: String, attempts: Int, time: Double
    ) async throws {
        try await connection.query(
            """
            UPDATE cards SET status = 'open', decision_type = 'judgment',
              summary = \(WorkerCardText.gaveUp(reason: reason, attempts: attempts)),
              flags = \(WorkerCardText.gaveUpFlags), updated_at = \(time)
            WHERE exception_id = \(exceptionID)
            """, logger: logger)
    }
}
