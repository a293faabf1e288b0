import Foundation
import PostgresNIO
import TriageCore

extension PostgresStore: AIJobIntake {
    /// Stores exceptions for the AI worker, each with its card and queued job, in transactions of up to 2,000 (three
    /// multi-row inserts each, within one statement's bindings and one call's deadline). Idempotent on (source, event
    /// id): an exception stored before is skipped (`ON CONFLICT DO NOTHING`), so processes ingesting the same events at
    /// once store each once. Returns how many were new.
    @discardableResult
    public func enqueue(_ intakes: [WorkerIntake], now: Date) async throws -> Int {
        var stored = 0
        for start in stride(from: 0, to: intakes.count, by: Self.intakeChunk) {
            let chunk = Array(intakes[start..<min(start + Self.intakeChunk, intakes.count)])
            stored += try await timed("enqueue") { [self] in try await enqueueChunk(chunk, now: now) }
        }
        return stored
    }

    /// Intakes per transaction.
    static let intakeChunk = 2_000

    private func enqueueChunk(_ intakes: [WorkerIntake], now: Date) async throws -> Int {
        let time = now.timeIntervalSince1970
        let insert = PostgresExceptionInsert(intakes.map(\.exception), receivedAt: now).query
        return try await client.withTransaction(logger: logger) { connection in
            let ids = try PostgresExceptionInsert.ids(try await connection.query(insert, logger: logger).collect())
            let records = PostgresExceptionInsert.records(intakes.map(\.exception), ids: ids, receivedAt: now)
            let fresh = zip(records, intakes).compactMap { record, intake in record.map { (id: $0.id, intake: intake) } }
            guard !fresh.isEmpty else { return 0 }
            let freshIDs = fresh.map(\.id)
            try await connection.query(
                """
                INSERT INTO cards (exception_id, kind, decision_type, status, team, title, summary, flags, details,
                  created_at, updated_at)
                SELECT e, k, 'unstructured', 'awaiting_worker', t, ti, \(WorkerIntake.waitingSummary), '[]', '{}',
                  \(time), \(time)
                FROM unnest(\(freshIDs), \(fresh.map(\.intake.exception.kind.rawValue)), \(fresh.map(\.intake.team)),
                  \(fresh.map(\.intake.title))) AS i (e, k, t, ti)
                """, logger: logger)
            try await connection.query(
                """
                INSERT INTO ai_jobs (exception_id, task, not_before, created_at, updated_at)
                SELECT e, t, \(time), \(time), \(time) FROM unnest(\(freshIDs), \(fresh.map(\.intake.task.rawValue))) AS j (e, t)
                """, logger: logger)
            try await Self.announceJobs(connection, logger: logger)
            return fresh.count
        }
    }

    /// Cards per status, counted by the server.
    public func cardCountsByStatus() async throws -> [String: Int] {
        try await timed("cardCountsByStatus") { [self] in
            let rows = try await client.query("SELECT status, COUNT(*) FROM cards GROUP BY status", logger: logger)
            var counts: [String: Int] = [:]
            for row in try await rows.collect() {
                let (status, count) = try row.decode((String, Int64).self)
                counts[status] = Int(count)
            }
            return counts
        }
    }

    /// The status, summary and confidence of the card on each exception, for tests and benchmark checks.
    public func workerCards() async throws -> [Int64: (status: String, summary: String, confidence: String?)] {
        try await timed("workerCards") { [self] in
            let rows = try await client.query("SELECT exception_id, status, summary, confidence FROM cards", logger: logger)
            var cards: [Int64: (status: String, summary: String, confidence: String?)] = [:]
            for row in try await rows.collect() {
                let (id, status, summary, confidence) = try row.decode((Int64, String, String, String?).self)
                cards[id] = (status, summary, confidence)
            }
            return cards
        }
    }
}
