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
        /// While buffering: the undecided cards of each prefetched order, oldest first (the database's, then the
        /// batch's own), for the card join to read from memory.
        var joinable: [String: [(id: Int64, kind: String, record: ExceptionRecord)]] = [:]
        /// The exceptions this transaction stored, by id: a new card's exception, for `joinable`.
        var stored: [Int64: ExceptionRecord] = [:]
        /// Products and inventory counts read so far, by SKU (nil: no such product).
        var products: [String: Product?] = [:]
        var inventory: [String: [InventoryCount]] = [:]
        /// Card ids drawn from the cards' sequence and not used yet, the next last.
        var cardIDs: [Int64] = []
    }

    /// Card ids drawn per statement while buffering; one at a time otherwise.
    static let cardIDBlock = 512

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
            for write in state.buffer.drain() {
                let written = try statement(write.query).count
                if let expected = write.expectedRows, written != expected {
                    throw PostgresStoreError.readable(
                        CardAlreadyWritten(expected: expected, written: written))
                }
            }
        } catch {
            if state.buffering { state.stepFailed = true }
            throw error
        }
    }

    /// A buffered card insert stored fewer cards than it held: another router wrote a card for one of its
    /// exceptions first. The batch runs again with savepoints, which finds the card that is there.
    struct CardAlreadyWritten: Error, CustomStringConvertible {
        let expected: Int
        let written: Int
        var description: String { "\(expected - written) of \(expected) cards were written by another router first" }
    }

    /// Writes a step's held rows at once where the transaction does not buffer (a run with savepoints, a reviewer's
    /// decision): the same statements, one step at a time.
    func flushUnlessBuffering() throws {
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

    /// Read once per transaction: routing never changes a product.
    func product(sku: String) throws -> Product? {
        if let known = state.products[sku] { return known }
        let product = try rows(
            "SELECT \(unescaped: PostgresReferenceRows.productColumns) FROM products WHERE sku = \(sku)", flushing: false)
            .first.map(PostgresReferenceRows.product)
        state.products[sku] = .some(product)
        return product
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

    /// Read once per transaction, and again after a plan of this transaction changes the SKU's counts.
    func inventory(sku: String) throws -> [InventoryCount] {
        if let known = state.inventory[sku] { return known }
        let counts = try rows("SELECT sku, system, quantity FROM inventory WHERE sku = \(sku) ORDER BY system", flushing: false)
            .map { row in
                let (sku, system, quantity) = try row.decode((String, String, Int64).self)
                return InventoryCount(sku: sku, system: system, quantity: Int(quantity))
            }
        state.inventory[sku] = counts
        return counts
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
        if state.buffering { for case let record? in records { state.stored[record.id] = record } }
        return records
    }

    /// Buffering, the card waits with an id drawn ahead and joins the batch's memory of undecided cards; otherwise
    /// it is written at once, and a card the exception has already is returned instead.
    @discardableResult
    func writeCard(_ card: NewCard) throws -> Int64 {
        let row = PostgresCardRow(id: try nextCardID(), card: card)
        if state.buffering {
            state.buffer.card(row)
            rememberJoinable(row)
        } else if try rows(PostgresCardRow.insert([row]), flushing: false).isEmpty {
            return try rows("SELECT id FROM cards WHERE exception_id = \(card.exceptionID)", flushing: false)
                .first?.decode(Int64.self) ?? 0
        }
        state.buffer.ruleDecision(cardID: row.id, card: card)
        try flushUnlessBuffering()
        return row.id
    }

    /// The next card id from the cards' sequence, drawn in blocks while buffering.
    private func nextCardID() throws -> Int64 {
        if state.cardIDs.isEmpty {
            let count = state.buffering ? Self.cardIDBlock : 1
            state.cardIDs = try rows(
                "SELECT nextval(pg_get_serial_sequence('cards', 'id')) FROM generate_series(1, \(count))", flushing: false
            ).map { try $0.decode(Int64.self) }.reversed()
        }
        return state.cardIDs.removeLast()
    }

    /// Adds an undecided card of a prefetched order to the batch's memory, for the exceptions after it to join.
    private func rememberJoinable(_ row: PostgresCardRow) {
        guard CardStatus.joinable.contains(row.card.status), let number = row.orderNumber, state.joinable[number] != nil
        else { return }
        guard let record = state.stored[row.card.exceptionID] else {
            // An exception this transaction did not store or hold: the order's cards are read again when asked for.
            state.joinable[number] = nil
            return
        }
        state.joinable[number]?.append((row.id, row.card.kind.rawValue, record))
    }

    func execute(_ plan: ActionPlan, exceptionID: Int64, at date: Date) throws {
        for change in plan.changes {
            switch change {
            case .orderStatus(let number, _), .orderPostcode(let number, _):
                // Buffering, a failed step reruns the whole batch, so memory may run ahead of the database; with
                // savepoints a step can be rolled back alone, so the order is read again instead.
                if state.buffering, case .some(.some(let order)) = state.orders[number] {
                    state.orders[number] = .some(Self.applying(change, to: order))
                } else {
                    state.orders[number] = nil
                }
            case .inventoryCount(let sku, _, _): state.inventory[sku] = nil
            case .refund, .returnedItems: break
            }
            if state.buffer.orderChange(change) { continue }
            for statement in PostgresStateChange.statements(change) { try run(statement, flushing: false) }
        }
        for message in plan.messages { state.buffer.message(message, exceptionID: exceptionID, at: date) }
        try flushUnlessBuffering()
    }

    /// The order as the database has it once `change` is written: the same fields its `UPDATE` sets.
    private static func applying(_ change: StateChange, to order: Order) -> Order {
        var order = order
        switch change {
        case .orderStatus(_, let status): order.status = status
        case .orderPostcode(_, let postcode):
            var address = order.customer.address ?? Address()
            address.postcode = postcode
            order.customer.address = address
        case .inventoryCount, .refund, .returnedItems: break
        }
        return order
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
