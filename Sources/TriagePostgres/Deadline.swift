import Foundation

/// A PostgreSQL call that did not finish within its deadline.
public struct PostgresDeadlineExceeded: Error, CustomStringConvertible {
    /// The call.
    public let operation: String
    /// Its deadline.
    public let deadline: Duration

    public var description: String { "PostgreSQL \(operation) did not finish within \(deadline)" }
}

/// Runs `operation`, failing with `PostgresDeadlineExceeded` if it has not finished within `deadline`.
///
/// The operation runs in an unstructured task that is cancelled, not awaited, at the deadline: a query whose
/// connection the server terminated was seen to never complete (the fault test), and a worker must get an error it
/// can retry instead of waiting forever.
func withDeadline<T: Sendable>(
    _ deadline: Duration, _ name: String, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    let (outcomes, outcome) = AsyncStream.makeStream(of: Result<T, any Error>.self)
    let work = Task {
        do { outcome.yield(.success(try await operation())) } catch { outcome.yield(.failure(error)) }
    }
    let timer = Task {
        try await Task.sleep(for: deadline)
        outcome.yield(.failure(PostgresDeadlineExceeded(operation: name, deadline: deadline)))
    }
    var iterator = outcomes.makeAsyncIterator()
    let first = await iterator.next() ?? .failure(CancellationError())
    work.cancel()
    timer.cancel()
    outcome.finish()
    return try first.get()
}
