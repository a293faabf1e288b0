import Foundation
import TriageStore

/// A write transaction held open for a while, standing for a large ingest batch; says when it took the lock.
struct LongWrite: Sendable {
    let database: AppDatabase
    let seconds: Double
    private let began = AsyncStream<ContinuousClock.Instant>.makeStream()

    init(database: AppDatabase, seconds: Double) {
        self.database = database
        self.seconds = seconds
    }

    /// Holds the write lock for `seconds`, writing one row at the start.
    func run() async throws {
        let (continuation, seconds) = (began.continuation, seconds)
        try await database.routingTransaction { transaction in
            _ = try transaction.remember(digest: UUID().uuidString, source: "long-write", at: Date())
            continuation.yield(ContinuousClock.now)
            Thread.sleep(forTimeInterval: seconds)
        }
        continuation.finish()
    }

    /// When the transaction took the write lock (nil if it never did).
    func started() async -> ContinuousClock.Instant? {
        for await instant in began.stream { return instant }
        return nil
    }
}
