import Foundation
import GRDB
import TriageCore

extension AppDatabase: OperationsStatusReading {
    /// The queue, model calls, decisions and outbox, counted in one read transaction.
    public func operationsStatus(now: Date) async throws -> OperationsStatus {
        try await writer.read { db in
            var status = OperationsStatus()
            status.queues = try Self.queues(db, now: now)
            try Self.countModelCalls(db, into: &status)
            for row in try Row.fetchAll(db, sql: "SELECT last_error, COUNT(*) AS n FROM ai_jobs WHERE last_error IS NOT NULL GROUP BY last_error") {
                status.llmErrors[OperationsStatus.errorClass(row["last_error"]), default: 0] += row["n"] as Int
            }
            for row in try Row.fetchAll(db, sql: "SELECT actor_kind, action, COUNT(*) AS n FROM decisions GROUP BY actor_kind, action") {
                status.decided["\(row["actor_kind"] as String):\(row["action"] as String)"] = row["n"]
            }
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM outbox GROUP BY state") {
                status.outbox[row["state"]] = row["n"]
            }
            status.outboxFailures = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM outbox WHERE last_error IS NOT NULL AND state != 'delivered'") ?? 0
            return status
        }
    }

    private static func queues(_ db: Database, now: Date) throws -> [OperationsStatus.TaskQueue] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT task, SUM(state = 'queued') AS queued, SUM(state = 'leased') AS leased, SUM(state = 'done') AS done,
                  SUM(state = 'dead') AS dead, SUM(attempts) AS claims, SUM(MAX(attempts - 1, 0)) AS retries,
                  MIN(CASE WHEN state = 'queued' THEN created_at END) AS oldest
                FROM ai_jobs GROUP BY task ORDER BY task
                """
        ).map { row in
            let oldest: Double? = row["oldest"]
            return OperationsStatus.TaskQueue(
                task: row["task"], queued: row["queued"], leased: row["leased"], done: row["done"], dead: row["dead"],
                claims: row["claims"], retries: row["retries"], oldestQueuedSeconds: oldest.map { max(0, now.timeIntervalSince1970 - $0) } ?? 0)
        }
    }

    /// Calls behind stored suggestions: the model, tokens and latency each suggestion records.
    private static func countModelCalls(_ db: Database, into status: inout OperationsStatus) throws {
        var counts = [Int](repeating: 0, count: OperationsStatus.latencyBuckets.count)
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT model, json_extract(suggestion, '$.promptTokens') AS prompt,
                  json_extract(suggestion, '$.completionTokens') AS completion,
                  json_extract(suggestion, '$.latencySeconds') AS latency
                FROM cards WHERE model IS NOT NULL AND suggestion IS NOT NULL
                """)
        while let row = try rows.next() {
            status.modelCalls[row["model"], default: 0] += 1
            status.promptTokens += (row["prompt"] as Int?) ?? 0
            status.completionTokens += (row["completion"] as Int?) ?? 0
            let latency = (row["latency"] as Double?) ?? 0
            status.latencySum += latency
            for (index, bound) in OperationsStatus.latencyBuckets.enumerated() where latency <= bound { counts[index] += 1 }
        }
        status.latencyCounts = counts
    }
}
