import Foundation

/// Runs synchronous transaction bodies against PostgresNIO's asynchronous connection, the way GRDB runs SQLite
/// transactions: the body runs on a thread of its own (never a cooperative one), and each statement it issues waits
/// there for its answer.
///
/// The routing table's rules read and write through the synchronous ``RoutingTransaction`` port, because on SQLite
/// they run inside GRDB's synchronous write closure. Making the rules async would make every SQLite transaction hop
/// threads per statement; this keeps one set of rules for both stores (docs/decisions.md, "Routing on PostgreSQL").
enum BlockingBridge {
    /// Runs `body` on a new thread and returns its result; the calling task is suspended, not blocked, meanwhile.
    /// One thread per transaction, so concurrency is bounded by the connection pool that handed out the connection.
    static func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let thread = Thread {
                Thread.current.threadDictionary[marker] = true
                continuation.resume(with: Result { try body() })
            }
            thread.name = "triage.postgres"
            thread.start()
        }
    }

    /// Marks the threads `onOwnThread` starts, the only ones `wait` may block.
    private static let marker = "triage.postgres.transaction"

    /// Waits on the current (non-cooperative) thread for `work`, which runs as a task. Call only from a thread that
    /// `onOwnThread` started: blocking a cooperative thread could starve the task it waits for.
    static func wait<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        precondition(Thread.current.threadDictionary[marker] != nil, "BlockingBridge.wait off its own thread")
        let outcome = Outcome<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { outcome.result = .success(try await work()) } catch { outcome.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try outcome.result.get()
    }

    /// The result handed from the task to the waiting thread; the semaphore orders the write before the read.
    private final class Outcome<T>: @unchecked Sendable {
        var result: Result<T, any Error> = .failure(CancellationError())
    }
}
