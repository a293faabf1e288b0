import Foundation
import Synchronization
import TriageStore

/// A write transaction that holds SQLite's write lock until the test lets go, standing for a large ingest batch.
///
/// The transaction waits on a semaphore on GRDB's writer queue, never on a cooperative thread. If the test never lets
/// go (its requests never finish), a timer on a dispatch queue does, after `fallback`, so a failing test fails
/// instead of hanging; `releasedByTimer` then says so.
final class LongWrite: Sendable {
    let database: AppDatabase
    let fallback: DispatchTimeInterval
    private let gate = DispatchSemaphore(value: 0)
    private let state = Mutex<(released: Bool, byTimer: Bool)>((false, false))
    private let began = AsyncStream<Void>.makeStream()

    init(database: AppDatabase, fallback: DispatchTimeInterval = .seconds(60)) {
        self.database = database
        self.fallback = fallback
    }

    /// Takes the write lock, writes one row, and holds the lock until `release()` (or the fallback timer).
    func run() async throws {
        let continuation = began.continuation
        try await database.routingTransaction { [self] transaction in
            _ = try transaction.remember(digest: UUID().uuidString, source: "long-write", at: Date())
            continuation.yield()
            DispatchQueue.global().asyncAfter(deadline: .now() + fallback) { self.release(byTimer: true) }
            gate.wait()
        }
        continuation.finish()
    }

    /// Returns once the transaction holds the write lock (false if it never took it).
    func started() async -> Bool {
        for await _ in began.stream { return true }
        return false
    }

    /// Whether the write lock is still held.
    var isHeld: Bool { state.withLock { !$0.released } }

    /// Whether the fallback timer, not the test, ended the transaction.
    var releasedByTimer: Bool { state.withLock { $0.byTimer } }

    /// Lets the transaction commit. Idempotent.
    func release(byTimer: Bool = false) {
        let first = state.withLock { state -> Bool in
            guard !state.released else { return false }
            state = (true, byTimer)
            return true
        }
        if first { gate.signal() }
    }
}
