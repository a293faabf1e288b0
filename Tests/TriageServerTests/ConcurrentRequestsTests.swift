import Foundation
import Testing
import TriageStore

/// Requests must not queue behind the database's writes: with async ports a handler waiting for SQLite suspends,
/// so reads on the WAL readers go on while the writer is busy. Were the store calls synchronous, the writer's
/// callers would hold the cooperative threads and every handler would wait for the longest write.
@Suite("API requests while the worker drains and a long write runs", .timeLimit(.minutes(3)))
struct ConcurrentRequestsTests {
    static let requests = 32
    static let jobs = 120
    /// How long the long write holds the write lock: a 30,000-exception ingest batch takes about this long.
    static let longWriteSeconds = 1.5

    @Test("32 concurrent API requests succeed and none waits for another's write")
    func requestsDoNotQueueBehindWrites() async throws {
        let world = try await DiskWorld()
        defer { world.remove() }
        let worker = try world.worker()
        let longWrite = LongWrite(database: world.database, seconds: Self.longWriteSeconds)
        async let drained = worker.run()
        async let wrote: Void = longWrite.run()
        let began = try #require(await longWrite.started())
        let latencies = try await world.requestLatencies(Self.requests, since: began)
        try await wrote
        let summary = try await drained
        #expect(summary.done == Self.jobs)
        let writes = world.writes.durations().sorted()
        let medianWrite = writes[writes.count / 2]
        let p95 = latencies.sorted()[Int((Double(latencies.count) * 0.95).rounded(.up)) - 1]
        #expect(writes.contains { $0 >= Self.longWriteSeconds }, "the long write ran as one transaction")
        #expect(
            p95 < 10 * medianWrite + 0.25,
            "p95 request latency \(ms(p95)) ms against a median write of \(ms(medianWrite)) ms (\(writes.count) writes)")
    }

    private func ms(_ seconds: Double) -> String { String(format: "%.1f", seconds * 1000) }
}
