import PostgresNIO

/// How the routing transaction's statements reach the database: in groups, through the replay log, after the writes
/// the buffer holds.
extension PostgresRoutingTransaction {
    /// Runs one statement and returns its rows, after writing what the buffer holds unless `flushing` is false
    /// (for statements that neither read nor write the buffered tables' rows).
    func rows(_ query: PostgresQuery, flushing: Bool = true) throws -> [PostgresRow] {
        try rowGroups([LazyQuery(query)], flushing: flushing)[0]
    }

    /// `rowGroups`, with what `decode` makes of the rows kept for the body's next runs (see ``StatementReplay``).
    func decoded<T>(_ queries: [LazyQuery], flushing: Bool = true, _ decode: ([[PostgresRow]]) throws -> T) throws -> T {
        let rows = try rowGroups(queries, flushing: flushing)
        return try replay.decoding { try decode(rows) }
    }

    /// Runs statements in one group (one run of the body asks for all of them) and returns each one's rows, after
    /// writing what the buffer holds unless `flushing` is false.
    func rowGroups(_ queries: [LazyQuery], flushing: Bool = true) throws -> [[PostgresRow]] {
        guard flushing, !state.buffer.isEmpty, !state.stepFailed else { return try statements(queries) }
        let writes = state.buffer.drain()
        state.flushed = true
        do {
            let results = try statements(writes.map(\.query) + queries)
            for (write, rows) in zip(writes, results) { try write.check(written: rows.count) }
            return Array(results.dropFirst(writes.count))
        } catch let pending as StatementReplay.Pending {
            throw pending
        } catch {
            // A failure in a buffering run asks for a run with savepoints, which writes each step at once and so
            // finds the step at fault.
            if state.buffering { state.stepFailed = true }
            throw error
        }
    }

    /// Writes what the buffer holds.
    func flush() throws {
        _ = try rowGroups([])
    }

    /// Writes a step's held rows at once where the transaction does not buffer (a run with savepoints, a reviewer's
    /// decision): the same statements, one step at a time.
    func flushUnlessBuffering() throws {
        if !state.buffering { try flush() }
    }

    /// The rows of each statement, issued in this order; a failed one throws its readable error (and, for a deadlock
    /// or a serialization failure, asks the store to run the transaction again).
    private func statements(_ queries: [LazyQuery]) throws -> [[PostgresRow]] {
        // A guessing run sends nothing: what it would send may rest on a stand-in.
        if state.guessing { throw StatementReplay.Pending() }
        return try replay.outcomes(queries).map { outcome in
            do {
                return try outcome.get()
            } catch {
                let readable = PostgresStoreError.readable(error)
                if let failure = readable as? PostgresStoreError, PostgresStore.isRetryable(failure) {
                    state.mustRetry = failure
                }
                // The transaction is aborted: a routing batch runs again with savepoints, which finds the step.
                if state.buffering { state.stepFailed = true }
                throw readable
            }
        }
    }

    /// Runs one statement for its effect.
    func run(_ query: PostgresQuery, flushing: Bool = true) throws {
        _ = try rows(query, flushing: flushing)
    }
}
