import Logging
import PostgresNIO

/// Runs a synchronous transaction body against PostgreSQL without blocking a thread, by replaying it.
///
/// The routing table's rules read and write through the synchronous ``RoutingTransaction`` port, because on SQLite
/// they run inside GRDB's synchronous write closure. On PostgreSQL the body runs in the calling task, on memory: a
/// statement it issues is answered from this log when an earlier run already sent it; otherwise the body stops
/// (``Pending``), the store sends the statements it asked for on the transaction's connection (awaiting, never
/// blocking), records their outcomes and runs the body again from the start. The body is deterministic given the
/// same answers, so each run repeats the statements of the one before, in order, and goes one step further.
///
/// A run costs the body's work up to its next unanswered statement, so routing reads what a batch needs up front in a
/// few statements and holds its writes until it ends (``PostgresWriteBuffer``): a batch is run a handful of times,
/// whatever its size. See docs/decisions.md, "Routing on PostgreSQL without blocking a thread".
final class StatementReplay {
    /// The statements sent so far, with their outcomes, in the order the body issued them.
    private var answers: [(sql: String, outcome: Result<[PostgresRow], any Error>)] = []
    /// How many of `answers` the current run has consumed.
    private var cursor = 0
    /// The statements the current run asked for and no run has sent yet, in order; nil while every one was answered.
    private(set) var pending: [LazyQuery]?
    /// What runs made of each group's rows, by the position the group ends at: the same rows decode the same way.
    private var decoded: [Int: Any] = [:]
    /// How many times the body ran.
    private(set) var runs = 0

    /// Starts a run of the body from its first statement.
    func rewind() {
        cursor = 0
        pending = nil
        runs += 1
    }

    /// The outcomes of `queries`, issued by the body in this order. Throws ``Pending`` when one of them has not been
    /// sent yet (the rest of the group is asked for with it), and throws again at every statement after that: a body
    /// that catches the first throw cannot go on with a guess.
    func outcomes(_ queries: [LazyQuery]) throws -> [Result<[PostgresRow], any Error>] {
        guard pending == nil else { throw Pending() }
        var outcomes: [Result<[PostgresRow], any Error>] = []
        for (index, query) in queries.enumerated() {
            guard cursor < answers.count else {
                pending = Array(queries[index...])
                throw Pending()
            }
            let answer = answers[cursor]
            // Checked in debug builds (the tests): a release build never makes a statement it does not send.
            assert(answer.sql == query.make().sql, "a transaction body issued other statements when run again")
            cursor += 1
            outcomes.append(answer.outcome)
            // The body stops at a failed statement, so none after it in the group is asked for.
            if case .failure = answer.outcome { break }
        }
        return outcomes
    }

    /// Sends the pending statements, in order, each within `deadline`, and records their outcomes; after a failed one
    /// the rest are not sent (the body stops there when run again).
    func send(on connection: PostgresConnection, logger: Logger, deadline: Duration) async throws {
        for lazy in pending ?? [] {
            let query = lazy.make()
            let outcome: Result<[PostgresRow], any Error>
            do {
                outcome = .success(try await Self.rows(of: query, on: connection, logger: logger, deadline: deadline))
            } catch let late as PostgresDeadlineExceeded {
                throw late
            } catch {
                outcome = .failure(error)
            }
            answers.append((query.sql, outcome))
            if case .failure = outcome { break }
        }
        pending = nil
    }

    /// Runs one routing statement on the transaction's connection within `deadline` and returns its rows.
    static func rows(
        of query: PostgresQuery, on connection: PostgresConnection, logger: Logger, deadline: Duration
    ) async throws -> [PostgresRow] {
        try await withDeadline(deadline, "routing statement") { try await connection.query(query, logger: logger).get().rows }
    }

    /// What `decode` makes of the group that ends at the current position: made by the first run that reaches it,
    /// then kept for the runs after it.
    func decoding<T>(_ decode: () throws -> T) rethrows -> T {
        if let known = decoded[cursor] as? T { return known }
        let value = try decode()
        decoded[cursor] = value
        return value
    }

    /// The body asked for a statement no run has sent yet: the store sends it and runs the body again.
    struct Pending: Error, CustomStringConvertible {
        var description: String { "a statement waits to be sent (the transaction runs its body again)" }
    }
}

/// A statement made only when it is sent: a group an earlier run already sent costs its body no text or values.
struct LazyQuery {
    let make: () -> PostgresQuery

    init(_ make: @escaping () -> PostgresQuery) { self.make = make }
    init(_ query: PostgresQuery) { self.make = { query } }
}
