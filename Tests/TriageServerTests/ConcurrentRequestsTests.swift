import Foundation
import Testing
import TriageStore

/// Requests must not queue behind the database's writes. With async ports a task waiting for SQLite's write lock
/// suspends, so the cooperative threads stay free and reads on the WAL readers go on while the writer is busy.
/// Were store calls synchronous, every task waiting to write would hold one of the pool's threads (one per core),
/// and with more waiting writers than cores no request could run until the write let go.
///
/// The test asserts an order of events, not a duration: a write holds the lock, the worker drains and
/// `waitingWriters` more tasks queue for the lock, and all 32 requests must be answered while the lock is still held.
@Suite("API requests while the worker drains and a long write runs", .timeLimit(.minutes(3)))
struct ConcurrentRequestsTests {
    static let requests = 32
    static let jobs = 120
    /// More tasks waiting to write than any machine here has cooperative threads.
    static let waitingWriters = 64

    @Test("32 concurrent API requests are answered while another connection holds the write lock")
    func requestsDoNotQueueBehindWrites() async throws {
        let world = try await DiskWorld()
        defer { world.remove() }
        let worker = try world.worker()
        let longWrite = LongWrite(database: world.database)
        async let wrote: Void = longWrite.run()
        #expect(await longWrite.started(), "the long write took the lock")
        async let drained = worker.run()
        async let waited = Self.waitForTheLock(world.database, writers: Self.waitingWriters)
        let answered = try await world.answered(Self.requests)
        let heldThroughout = longWrite.isHeld
        longWrite.release()
        try await wrote
        #expect(try await waited == Self.waitingWriters)
        #expect(try await drained.done == Self.jobs)
        #expect(answered == Self.requests)
        #expect(heldThroughout, "every request was answered while the write still held the lock")
        #expect(!longWrite.releasedByTimer, "the requests waited for the write to let go")
    }

    /// `writers` tasks that each take the write lock once, through the store's async port; how many did.
    static func waitForTheLock(_ database: AppDatabase, writers: Int) async throws -> Int {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<writers {
                group.addTask {
                    _ = try await database.routingTransaction { transaction in
                        try transaction.remember(digest: "waiting-\(index)", source: "waiting-writer", at: Date())
                    }
                }
            }
            return try await group.reduce(0) { count, _ in count + 1 }
        }
    }
}
