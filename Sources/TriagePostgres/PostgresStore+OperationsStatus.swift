import Foundation
import PostgresNIO
import TriageCore

extension PostgresStore: OperationsStatusReading {
    /// The queue, model calls, decisions and outbox, counted in one repeatable-read transaction so the figures agree.
    public func operationsStatus(now: Date) async throws -> OperationsStatus {
        try await timed("operationsStatus") { [self] in
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: logger)
                var status = OperationsStatus()
                status.queues = try await Self.queues(connection, now: now, logger: logger)
                try await Self.countModelCalls(connection, into: &status, logger: logger)
                for (message, count) in try await Self.counts(
                    "SELECT last_error, COUNT(*) FROM ai_jobs WHERE last_error IS NOT NULL GROUP BY last_error",
                    connection, logger: logger)
                {
                    status.llmErrors[OperationsStatus.errorClass(message), default: 0] += count
                }
                status.decided = Dictionary(uniqueKeysWithValues: try await Self.counts(
                    "SELECT actor_kind || ':' || action, COUNT(*) FROM decisions GROUP BY actor_kind, action",
                    connection, logger: logger))
                status.outbox = Dictionary(uniqueKeysWithValues: try await Self.counts(
                    "SELECT state, COUNT(*) FROM outbox GROUP BY state", connection, logger: logger))
                let failures = try await connection.query(
                    "SELECT COUNT(*) FROM outbox WHERE last_error IS NOT NULL AND state <> 'delivered'", logger: logger)
                status.outboxFailures = Int(try await failures.collect().first?.decode(Int64.self) ?? 0)
                return status
            }
        }
    }

    /// Rows of (text, count) from a grouping query.
    private static func counts(
        _ sql: String, _ connection: PostgresConnection, logger: Logger
    ) async throws -> [(String, Int)] {
        try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect().map { row in
            let (key, count) = try row.decode((String, Int64).self)
            return (key, Int(count))
        }
    }

    private static func queues(
        _ connection: PostgresConnection, now: Date, logger: Logger
    ) async throws -> [OperationsStatus.TaskQueue] {
        let rows = try await connection.query(
            """
            SELECT task, COUNT(*) FILTER (WHERE state = 'queued'), COUNT(*) FILTER (WHERE state = 'leased'),
              COUNT(*) FILTER (WHERE state = 'done'), COUNT(*) FILTER (WHERE state = 'dead'), SUM(attempts)::bigint,
              SUM(GREATEST(attempts - 1, 0))::bigint, MIN(created_at) FILTER (WHERE state = 'queued')
            FROM ai_jobs GROUP BY task ORDER BY task
            """, logger: logger)
        return try await rows.collect().map { row in
            let (task, queued, leased, done, dead, claims, retries, oldest) = try row.decode(
                (String, Int64, Int64, Int64, Int64, Int64, Int64, Double?).self)
            return OperationsStatus.TaskQueue(
                task: task, queued: Int(queued), leased: Int(leased), done: Int(done), dead: Int(dead),
                claims: Int(claims), retries: Int(retries),
                oldestQueuedSeconds: oldest.map { max(0, now.timeIntervalSince1970 - $0) } ?? 0)
        }
    }

    /// Calls behind stored suggestions: the model, tokens and latency each suggestion records.
    private static func countModelCalls(
        _ connection: PostgresConnection, into status: inout OperationsStatus, logger: Logger
    ) async throws {
        var counts = [Int](repeating: 0, count: OperationsStatus.latencyBuckets.count)
        let rows = try await connection.query(
            """
            SELECT model, (suggestion::jsonb ->> 'promptTokens')::bigint,
              (suggestion::jsonb ->> 'completionTokens')::bigint, (suggestion::jsonb ->> 'latencySeconds')::float8
            FROM cards WHERE model IS NOT NULL AND suggestion IS NOT NULL
            """, logger: logger)
        for try await (model, prompt, completion, latency) in rows.decode((String, Int64?, Int64?, Double?).self) {
            status.modelCalls[model, default: 0] += 1
            status.promptTokens += Int(prompt ?? 0)
            status.completionTokens += Int(completion ?? 0)
            status.latencySum += latency ?? 0
            for (index, bound) in OperationsStatus.latencyBuckets.enumerated() where (latency ?? 0) <= bound {
                counts[index] += 1
            }
        }
        status.latencyCounts = counts
    }
}
