import Foundation
import Logging
import PostgresNIO
import TriageCore

/// Routing work inside one PostgreSQL transaction: the SQLite store's `StoreTransaction`, statement for statement,
/// run from the transaction's own thread (see ``BlockingBridge``).
///
/// Several processes route at once, so it takes transaction-scoped advisory locks that SQLite's single writer never
/// needed: the batch's orders, up front and sorted (the card join's lock, the same the worker's ack takes), and the
/// hourly counts that cascade detection reads (per type and source).
struct PostgresRoutingTransaction: RoutingTransaction {
    let connection: PostgresConnection
    let logger: Logger
    /// Each statement's deadline (at least `PostgresStore.routingStatementWait`).
    let callTimeout: Duration
    /// What the body left for the store to do once it returns.
    let state: State

    /// Written and read on the transaction's thread only, then read by the store after the body returns.
    final class State: @unchecked Sendable {
        /// The transaction queued AI jobs: workers are told once it commits.
        var queuedJobs = false
        /// A statement failed for a deadlock or a serialization failure. Routing turns a failed step into an
        /// escalated card, but this is no fault of the exception: the store rolls back and runs the transaction again.
        var mustRetry: PostgresStoreError?
        /// Whether `isolated` steps run in savepoints. Thousands of savepoints in one transaction overflow
        /// PostgreSQL's per-transaction subtransaction cache and slow every snapshot, so a batch first runs without
        /// them; if a step fails, the store rolls the batch back and runs it again with them (`stepFailed`).
        let savepoints: Bool
        /// A step failed in a transaction without savepoints.
        var stepFailed = false

        /// Whether writes nothing in the batch reads back wait in `buffer` (a routing batch's first run; a run with
        /// savepoints writes each step's rows inside its savepoint, and a reviewer's decision writes at once).
        let buffering: Bool
        /// The writes held until the batch ends or a statement may read them.
        var buffer = PostgresWriteBuffer()

        init(savepoints: Bool, buffering: Bool) {
            self.savepoints = savepoints
            self.buffering = buffering && !savepoints
        }

        /// The hourly-count locks `countHourly` took (held until the transaction ends).
        var countLocks: Set<String> = []
        /// The orders whose join locks `reserveOrders` took.
        var reserved: Set<String> = []
        /// The orders read so far (nil: no such order), with their payments and shipments: the batch's in a few
        /// statements when it reserves its orders, while their locks are held; an order a plan changes is dropped and
        /// read again.
        var orders: [String: Order?] = [:]
        var payments: [String: [Payment]] = [:]
        var shipments: [String: [Shipment]] = [:]
    }

    /// Runs one statement and returns its rows, after writing what the buffer holds unless `flushing` is false
    /// (for statements that neither read nor write the buffered tables' rows).
    func rows(_ query: PostgresQuery, flushing: Bool = true) throws -> [PostgresRow] {
        if flushing { try flush() }
        return try statement(query)
    }

    /// Writes what the buffer holds. A failure in a buffering run asks for a run with savepoints, which writes each
    /// step at once and so finds the step at fault.
    func flush() throws {
        guard !state.buffer.isEmpty, !state.stepFailed else { return }
        do {
            for query in state.buffer.drain() { _ = try statement(query) }
        } catch {
            if state.buffering { state.stepFailed = true }
            throw error
        }
    }

    /// Writes a step's held rows at once where the transaction does not buffer (a run with savepoints, a reviewer's
    /// decision): the same statements, one step at a time.
    private func flushUnlessBuffering() throws {
        if !state.buffering { try flush() }
    }

    private func statement(_ query: PostgresQuery) throws -> [PostgresRow] {
        do {
            return try BlockingBridge.wait(
                deadline: callTimeout, "routing statement", connection.query(query, logger: logger)
            ).rows
        } catch {
            let readable = PostgresStoreError.readable(error)
            if let failure = readable as? PostgresStoreError, PostgresStore.isRetryable(failure) {
                state.mustRetry = failure
            }
            throw readable
        }
    }

    /// Runs one statement for its effect.
    func run(_ query: PostgresQuery, flushing: Bool = true) throws {
        _ = try rows(query, flushing: flushing)
    }

    func order(number: String) throws -> Order? {
        try load(number)
        return state.orders[number] ?? nil
    }

    func orderHeader(number: String) throws -> Order? {
        try order(number: number).map { order in
            var header = order
            header.lines = []
            return header
        }
    }

    func product(sku: String) throws -> Product? {
        try rows(
            "SELECT \(unescaped: PostgresReferenceRows.productColumns) FROM products WHERE sku = \(sku)", flushing: false)
            .first.map(PostgresReferenceRows.product)
    }

    func payments(orderNumber: String) throws -> [Payment] {
        try load(orderNumber)
        return state.payments[orderNumber] ?? []
    }

    func shipments(orderNumber: String) throws -> [Shipment] {
        try load(orderNumber)
        return state.shipments[orderNumber] ?? []
    }

    /// Reads an order the batch did not reserve, or one a plan changed since, with its payments and shipments.
    private func load(_ number: String) throws {
        if state.orders[number] == nil { try prefetch([number]) }
    }

    func inventory(sku: String) throws -> [InventoryCount] {
        try rows("SELECT sku, system, quantity FROM inventory WHERE sku = \(sku) ORDER BY system", flushing: false).map {
            row in
            let (sku, system, quantity) = try row.decode((String, String, Int64).self)
            return InventoryCount(sku: sku, system: system, quantity: Int(quantity))
        }
    }

    func occurrences(source: String, kind: ExceptionKind, reason: String?) throws -> Int {
        let count = try rows(
            """
            SELECT COUNT(*) FROM exceptions
            WHERE kind = \(kind.rawValue) AND source = \(source) AND reason IS NOT DISTINCT FROM \(reason)
            """, flushing: false
        ).first?.decode(Int64.self)
        return Int(count ?? 0)
    }

    func insert(_ exception: NewException, receivedAt: Date) throws -> ExceptionRecord? {
        try insert([exception], receivedAt: receivedAt)[0]
    }

    /// One multi-row statement per 2,000 exceptions.
    func insert(_ batch: [NewException], receivedAt: Date) throws -> [ExceptionRecord?] {
        var records: [ExceptionRecord?] = []
        for start in stride(from: 0, to: batch.count, by: PostgresExceptionInsert.chunk) {
            let chunk = Array(batch[start..<min(start + PostgresExceptionInsert.chunk, batch.count)])
            let query = PostgresExceptionInsert(chunk, receivedAt: receivedAt).query
            let ids = try PostgresExceptionInsert.ids(try rows(query, flushing: false))
            records += PostgresExceptionInsert.records(chunk, ids: ids, receivedAt: receivedAt)
        }
        return records
    }

    @discardableResult
    func writeCard(_ card: NewCard) throws -> Int64 {
        guard let id = try rows(PostgresCardRow(card).insert, flushing: false).first?.decode(Int64.self) else {
            return try rows("SELECT id FROM cards WHERE exception_id = \(card.exceptionID)", flushing: false)
                .first?.decode(Int64.self) ?? 0
        }
        state.buffer.ruleDecision(cardID: id, card: card)
        try flushUnlessBuffering()
        return id
    }

    func execute(_ plan: ActionPlan, exceptionID: Int64, at date: Date) throws {
        for change in plan.changes {
            switch change {
            case .orderStatus(let number, let status):
                if case .some(.some(var order)) = state.orders[number] {
                    order.status = status
                    state.orders[number] = .some(order)
                }
            case .orderPostcode(let number, _): state.orders[number] = nil
            case .inventoryCount, .refund, .returnedItems: break
            }
            if state.buffer.orderChange(change) { continue }
            for statement in PostgresStateChange.statements(change) { try run(statement, flushing: false) }
        }
        for message in plan.messages { state.buffer.message(message, exceptionID: exceptionID, at: date) }
        try flushUnlessBuffering()
    }

    func enqueue(exceptionID: Int64, task: AITask, at date: Date) throws {
        state.queuedJobs = true
        state.buffer.job(exceptionID: exceptionID, task: task, at: date)
        try flushUnlessBuffering()
    }

    /// Adds to the hourly counts after taking each type and source's lock, in sorted order: a second process
    /// counting the same type and source waits until this transaction ends, then reads its counts, so both never
    /// miss each other's cascade.
    func countHourly(_ counts: [CascadeKey: Int]) throws {
        let pairs = Set(counts.keys.map { ":cascade:\($0.kind.rawValue):\($0.source)" })
        for pair in pairs.filter({ !state.countLocks.contains($0) }).sorted() {
            try run("SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || \(pair), 0))", flushing: false)
        }
        state.countLocks.formUnion(pairs)
        state.buffer.count(counts)
        try flushUnlessBuffering()
    }

    func hourlyCounts(kind: ExceptionKind, source: String, from: Date, to: Date) throws -> [Date: Int] {
        var counts: [Date: Int] = [:]
        for row in try rows(
            """
            SELECT hour, count FROM exception_hours WHERE kind = \(kind.rawValue) AND source = \(source)
              AND hour >= \(from.timeIntervalSince1970) AND hour < \(to.timeIntervalSince1970)
            """)
        {
            let (hour, count) = try row.decode((Double, Int64).self)
            counts[Date(timeIntervalSince1970: hour)] = Int(count)
        }
        return counts
    }

    func cascadeRaised(kind: ExceptionKind, source: String, since: Date) throws -> Bool {
        try !rows(
            """
            SELECT 1 FROM exceptions WHERE source = \(source) AND kind = 'integration_failure' AND reason = 'cascade'
              AND event_id LIKE \("cascade:\(kind.rawValue):%") AND occurred_at >= \(since.timeIntervalSince1970) LIMIT 1
            """, flushing: false
        ).isEmpty
    }

    /// Runs `body` in a savepoint: rolled back when it throws, so the rest of the transaction still commits. Without
    /// savepoints (a batch's first run), a failure is remembered and the store runs the batch again with them.
    func isolated<T>(_ body: () throws -> T) throws -> T {
        guard state.savepoints else {
            do {
                return try body()
            } catch {
                state.stepFailed = true
                throw error
            }
        }
        try run("SAVEPOINT routing_step")
        do {
            let result = try body()
            try run("RELEASE SAVEPOINT routing_step")
            return result
        } catch {
            try run("ROLLBACK TO SAVEPOINT routing_step")
            throw error
        }
    }
}
