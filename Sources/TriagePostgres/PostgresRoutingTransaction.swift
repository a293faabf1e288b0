import Foundation
import Logging
import PostgresNIO
import TriageCore

/// Routing work inside one PostgreSQL transaction: the SQLite store's `StoreTransaction`, statement for statement,
/// run in memory and replayed until every statement it issues is answered (see ``StatementReplay``).
///
/// Several processes route at once, so it takes transaction-scoped advisory locks that SQLite's single writer never
/// needed: the batch's orders, up front and sorted (the card join's lock, the same the worker's ack takes), and the
/// hourly counts that cascade detection reads (per type and source).
struct PostgresRoutingTransaction: RoutingTransaction {
    /// The statements earlier runs of the body sent, and their outcomes.
    let replay: StatementReplay
    /// What earlier runs read by key (while buffering).
    let keyed: PostgresKeyedReads
    /// What this run of the body read and holds, and what it left for the store to do once it returns.
    let state: State

    /// One run's memory: a run of the body starts with a new one.
    final class State {
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
        /// Whether a missing product asked for every product on the batch's orders.
        var askedLineProducts = false
        /// A read by key was answered with a stand-in: this run sends nothing and is not committed.
        var guessing = false
        /// Writes this run held so far: a step that fails after one asks for a run with savepoints.
        var writes = 0
        /// Whether this run sent held writes before it ended: reads by key then read the database again.
        var flushed = false
        /// The exceptions this run stored, by type, source and reason.
        var ownOccurrences: [PostgresKeyedReads.OccurrenceKey: Int] = [:]
        /// What this run refunded and took back per order, held until it ends.
        var refundedHere: [String: Money] = [:]
        var returnedHere: [String: [String: Int]] = [:]

        /// Whether writes nothing in the batch reads back wait in `buffer` (a routing batch's first run; a run with
        /// savepoints writes each step's rows inside its savepoint, and a reviewer's decision writes at once).
        let buffering: Bool
        /// The writes held until the batch ends or a statement may read them.
        var buffer = PostgresWriteBuffer()

        init(savepoints: Bool, buffering: Bool) {
            self.savepoints = savepoints
            self.buffering = buffering && !savepoints
        }

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
        if state.buffering {
            let known = keyed.product(sku)
            // A plan that reads one product of an order reads its others next: ask for them all at once.
            if known == nil && !state.askedLineProducts {
                state.askedLineProducts = true
                keyed.want(products: state.orders.values.lazy.compactMap { $0 }.flatMap(\.lines).map(\.sku))
            }
            return try byKey(known, standIn: nil)
        }
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

    /// Read once per transaction, and again after a plan of this transaction changes the SKU's counts (while
    /// buffering, the change is applied in memory instead).
    func inventory(sku: String) throws -> [InventoryCount] {
        if let known = state.inventory[sku] { return known }
        if state.buffering && !state.flushed {
            let counts = try byKey(keyed.inventory(sku), standIn: [])
            state.inventory[sku] = counts
            return counts
        }
        let counts = try rows(
            "SELECT sku, system, quantity FROM inventory WHERE sku = \(sku) ORDER BY system", flushing: state.buffering)
            .map { row in
                let (sku, system, quantity) = try row.decode((String, String, Int64).self)
                return InventoryCount(sku: sku, system: system, quantity: Int(quantity))
            }
        state.inventory[sku] = counts
        return counts
    }

    func occurrences(source: String, kind: ExceptionKind, reason: String?) throws -> Int {
        if state.buffering {
            let key = PostgresKeyedReads.OccurrenceKey(source: source, kind: kind, reason: reason)
            return try byKey(keyed.occurrences(key), standIn: 0) + (state.ownOccurrences[key] ?? 0)
        }
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
            let query = LazyQuery { PostgresExceptionInsert(chunk, receivedAt: receivedAt).query }
            records += try decoded([query], flushing: false) { rows in
                PostgresExceptionInsert.records(chunk, ids: try PostgresExceptionInsert.ids(rows[0]), receivedAt: receivedAt)
            }
        }
        if state.buffering {
            for case let record? in records {
                state.stored[record.id] = record
                keyed.ownExceptions.insert(record.id)
                let exception = record.exception
                state.ownOccurrences[.init(source: exception.source, kind: exception.kind, reason: exception.reason), default: 0] += 1
            }
        }
        return records
    }

    /// A value read by key, or when no run read it yet, `standIn` (and this run is only guessing).
    func byKey<Value>(_ known: Value?, standIn: Value) throws -> Value {
        if replay.pending != nil { throw StatementReplay.Pending() }
        guard let known else {
            state.guessing = true
            return standIn
        }
        return known
    }

    /// Buffering, the card waits with an id drawn ahead and joins the batch's memory of undecided cards; otherwise
    /// it is written at once, and a card the exception has already is returned instead.
    @discardableResult
    func writeCard(_ card: NewCard) throws -> Int64 {
        let row = PostgresCardRow(id: try nextCardID(), card: card)
        state.writes += 1
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
            state.cardIDs = try rows(cardIDQuery(), flushing: false).map { try $0.decode(Int64.self) }.reversed()
        }
        return state.cardIDs.removeLast()
    }

    /// Draws card ids from the cards' sequence: while buffering, enough for a card per exception the batch stored or
    /// holds, so the batch draws once; otherwise one.
    func cardIDQuery() -> PostgresQuery {
        let count = state.buffering ? max(Self.cardIDBlock, state.stored.count + 16) : 1
        return "SELECT nextval(pg_get_serial_sequence('cards', 'id')) FROM generate_series(1, \(count))"
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
            try remember(change)
            state.buffer.change(change)
        }
        state.writes += 1
        for message in plan.messages { state.buffer.message(message, exceptionID: exceptionID, at: date) }
        try flushUnlessBuffering()
    }

    /// Keeps memory in step with a change the buffer holds. Buffering, a failed step reruns the whole batch, so
    /// memory may run ahead of the database; with savepoints a step can be rolled back alone, so what it changed is
    /// read again instead.
    private func remember(_ change: StateChange) throws {
        switch change {
        case .orderStatus(let number, _), .orderPostcode(let number, _):
            if state.buffering, case .some(.some(let order)) = state.orders[number] {
                state.orders[number] = .some(Self.applying(change, to: order))
            } else {
                state.orders[number] = nil
            }
        case .inventoryCount(let sku, let system, let quantity):
            guard state.buffering else {
                state.inventory[sku] = nil
                return
            }
            var counts = try inventory(sku: sku).filter { $0.system != system }
            counts.append(InventoryCount(sku: sku, system: system, quantity: quantity))
            state.inventory[sku] = counts.sorted { $0.system < $1.system }
        case .refund(let number, let amount):
            state.refundedHere[number] = (state.refundedHere[number] ?? Money(cents: 0)) + amount
        case .returnedItems(let number, let quantities):
            state.returnedHere[number, default: [:]].merge(quantities, uniquingKeysWith: +)
        }
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
        state.writes += 1
        state.buffer.job(exceptionID: exceptionID, task: task, at: date)
        try flushUnlessBuffering()
    }

    /// Adds to the hourly counts when the batch's writes go (rows in sorted order, so two batches adding to the same
    /// hours wait for each other instead of deadlocking). Cascades are checked after the transaction commits.
    func countHourly(_ counts: [CascadeKey: Int]) throws {
        state.writes += 1
        state.buffer.count(counts)
        try flushUnlessBuffering()
    }

    /// One statement for every range, after taking each type and source's lock (in sorted order, in the same group):
    /// two processes checking the same type and source for cascades check one after the other, so the second sees
    /// the cascade the first raised.
    func hourlyCounts(_ ranges: [HourRange]) throws -> [[Date: Int]] {
        guard !ranges.isEmpty else { return [] }
        var counts = [[Date: Int]](repeating: [:], count: ranges.count)
        let locks = Set(ranges.map { ":cascade:\($0.kind.rawValue):\($0.source)" })
        let read: PostgresQuery = """
            SELECT r.n, h.hour, h.count
            FROM unnest(\(ranges.map(\.kind.rawValue))::text[], \(ranges.map(\.source))::text[],
                        \(ranges.map(\.from.timeIntervalSince1970))::float8[], \(ranges.map(\.to.timeIntervalSince1970))::float8[])
                 WITH ORDINALITY AS r(kind, source, first, stop, n)
            JOIN exception_hours AS h ON h.kind = r.kind AND h.source = r.source AND h.hour >= r.first AND h.hour < r.stop
            """
        for row in try rowGroups([LazyQuery(PostgresWriteBuffer.lockQuery(locks)), LazyQuery(read)])[1] {
            let (index, hour, count) = try row.decode((Int64, Double, Int64).self)
            counts[Int(index) - 1][Date(timeIntervalSince1970: hour)] = Int(count)
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
            let writes = state.writes
            do {
                return try body()
            } catch let pending as StatementReplay.Pending {
                throw pending
            } catch {
                // A step that failed before it held a write has nothing to undo.
                if state.writes != writes { state.stepFailed = true }
                throw error
            }
        }
        try run("SAVEPOINT routing_step")
        do {
            let result = try body()
            try run("RELEASE SAVEPOINT routing_step")
            return result
        } catch let pending as StatementReplay.Pending {
            throw pending
        } catch {
            try run("ROLLBACK TO SAVEPOINT routing_step")
            throw error
        }
    }
}
