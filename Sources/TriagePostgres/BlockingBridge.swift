import Foundation
import NIOCore

/// Runs synchronous transaction bodies against PostgresNIO's connection, the way GRDB runs SQLite transactions: the
/// body runs on a thread of its own (never a cooperative one), and each statement it issues waits there for the
/// event loop's answer.
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

    /// Waits on the current (non-cooperative) thread for `future` (a statement running on the connection's event
    /// loop, which completes it and wakes this thread directly), for at most `deadline`; then the wait fails with
    /// ``PostgresDeadlineExceeded`` naming `name`. Call only from a thread that `onOwnThread` started: blocking a
    /// cooperative thread, or the event loop itself, could starve what it waits for.
    static func wait<T: Sendable>(deadline: Duration, _ name: String, _ future: EventLoopFuture<T>) throws -> T {
        precondition(Thread.current.threadDictionary[marker] != nil, "BlockingBridge.wait off its own thread")
        let outcome = Outcome<T>()
        let done = DispatchSemaphore(value: 0)
        future.whenComplete { result in
            outcome.result = result.mapError { $0 }
            done.signal()
        }
        let (seconds, attoseconds) = deadline.components
        let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        guard done.wait(timeout: .now() + .nanoseconds(nanoseconds)) == .success else {
            throw PostgresDeadlineExceeded(operation: name, deadline: deadline)
        }
        return try outcome.result.get()
    }

    /// The result handed from the event loop to the waiting thread; the semaphore orders the write before the read.
    private final class Outcome<T>: @unchecked Sendable {
        var result: Result<T, any Error> = .failure(CancellationError())
    }
}
