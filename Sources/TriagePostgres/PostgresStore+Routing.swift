import Foundation
import PostgresNIO
import TriageCore

extension PostgresStore: RoutingStore {
    /// Runs routing work in one transaction on a connection of the pool, the body replayed on memory until every
    /// statement it issues is answered (see ``StatementReplay``), without blocking a thread. Workers listening for jobs are told when it commits with jobs queued.
    ///
    /// Batches take their order locks up front and in one order, but two processes can still wait on each other
    /// elsewhere (the same event stored by both at once, an inventory row), so PostgreSQL may pick one transaction as
    /// a deadlock victim: the victim is rolled back whole and run again, up to ``routingAttempts`` times, so nothing
    /// is stored twice or lost.
    public func routingTransaction<T: Sendable>(
        _ body: @escaping @Sendable (any RoutingTransaction) throws -> T
    ) async throws -> T {
        try await postgresTransaction(buffering: true, body)
    }

    /// `routingTransaction`, with the PostgreSQL transaction itself, for work that runs statements of its own beside
    /// the routing port's (a reviewer's decision).
    func postgresTransaction<T: Sendable>(
        buffering: Bool = false, _ body: @escaping @Sendable (PostgresRoutingTransaction) throws -> T
    ) async throws -> T {
        var savepoints = false
        for attempt in 1... {
            do {
                return try await routingTransactionOnce(body, savepoints: savepoints, buffering: buffering)
            } catch is StepFailed {
                savepoints = true
            } catch where attempt < Self.routingAttempts && Self.isRetryable(error) {
                logger.notice("routing transaction rolled back (\(PostgresStoreError.readable(error))); running it again")
                try await Task.sleep(for: .milliseconds(Int.random(in: 10...50) * attempt))
            }
        }
        preconditionFailure("unreachable: the last attempt returns or throws")
    }

    /// How long a routing statement may take at least, whatever `call_timeout` says. A statement can wait for another
    /// process's whole batch to commit (the order locks it holds, an event both are storing, the hourly count of one
    /// source): on a loaded machine that took over 30 s in CI, and the wait is normal, not a hang.
    static let routingStatementWait: Duration = .seconds(300)

    /// Attempts per routing transaction when PostgreSQL rolls it back for a deadlock or a serialization failure.
    static let routingAttempts = 5

    /// Runs the transaction once: the body on memory, replayed until every statement it issues is answered (see
    /// ``StatementReplay``), then the writes it held. When a step failed in a run without savepoints, the transaction
    /// is rolled back (whatever error that left behind) and `StepFailed` asks for a run with them.
    private func routingTransactionOnce<T: Sendable>(
        _ body: @escaping @Sendable (PostgresRoutingTransaction) throws -> T, savepoints: Bool, buffering: Bool
    ) async throws -> T {
        let (logger, deadline) = (logger, max(location.callTimeout, Self.routingStatementWait))
        do {
            return try await client.withTransaction(logger: logger) { connection in
                let (replay, keyed) = (StatementReplay(), PostgresKeyedReads())
                while true {
                    replay.rewind()
                    let state = PostgresRoutingTransaction.State(savepoints: savepoints, buffering: buffering)
                    let outcome = Result {
                        try body(PostgresRoutingTransaction(replay: replay, keyed: keyed, state: state))
                    }
                    if replay.pending != nil || keyed.isWanting {
                        try await replay.send(on: connection, logger: logger, deadline: deadline)
                        try await keyed.fetch(on: connection, logger: logger, deadline: deadline)
                        continue
                    }
                    if let failure = state.mustRetry { throw failure }
                    if state.stepFailed { throw StepFailed() }
                    let result = try outcome.get()
                    try await Self.write(state, on: connection, logger: logger, deadline: deadline)
                    if state.queuedJobs { try await Self.announceJobs(connection, logger: logger) }
                    logger.debug("routing transaction committing", metadata: ["runs": "\(replay.runs)"])
                    return result
                }
            }
        } catch is StepFailed where !savepoints {
            throw StepFailed()
        } catch {
            throw PostgresStoreError.readable(error)
        }
    }

    /// Sends the writes a finished body held, in one go; a failure in a buffering run asks for a run with savepoints.
    private static func write(
        _ state: PostgresRoutingTransaction.State, on connection: PostgresConnection, logger: Logger, deadline: Duration
    ) async throws {
        for write in state.buffer.drain() {
            do {
                let rows = try await StatementReplay.rows(
                    of: write.query.make(), on: connection, logger: logger, deadline: deadline)
                try write.check(written: rows.count)
            } catch where state.buffering && !(error is PostgresDeadlineExceeded) {
                let readable = PostgresStoreError.readable(error)
                if let failure = readable as? PostgresStoreError, isRetryable(failure) { throw failure }
                throw StepFailed()
            }
        }
    }

    /// A routing step failed in a run without savepoints: run the batch again with them.
    private struct StepFailed: Error {}

    /// Whether PostgreSQL rolled the transaction back for a reason that running it again resolves.
    static func isRetryable(_ error: any Error) -> Bool {
        guard let error = error as? PostgresStoreError else { return false }
        return ["40P01", "40001"].contains(error.sqlState)
    }
}
