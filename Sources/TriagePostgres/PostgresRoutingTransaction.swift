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

        init(savepoints: Bool) { self.savepoints = savepoints }

        /// The orders whose join locks `reserveOrders` took.
        var reserved: Set<String> = []
        /// The orders read so far (nil: no such order), with their payments and shipments: the batch's in a few
        /// statements when it reserves its orders, while their locks are held; an order a plan changes is dropped and
        /// read again.
        var orders: [String: Order?] = [:]
        var payments: [String: [Payment]] = [:]
        var shipments: [String: [Shipment]] = [:]
    }

    /// Runs one statement and returns its rows.
    func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
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
    func run(_ query: PostgresQuery) throws {
        _ = try rows(query)
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
        try rows("SELECT \(unescaped: PostgresReferenceRows.productColumns) FROM products WHERE sku = \(sku)")
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
        try rows("SELECT sku, system, quantity FROM inventory WHERE sku = \(sku) ORDER BY system").map { row in
            let (sku, system, quantity) = try row.decode((String, String, Int64).self)
            return InventoryCount(sku: sku, system: system, quantity: Int(quantity))
        }
    }

    func occurrences(source: String, kind: ExceptionKind, reason: String?) throws -> Int {
        let count = try rows(
            """
            SELECT COUNT(*) FROM exceptions
            WHERE kind = \(kind.rawValue) AND source = \(source) AND reason IS NOT DISTINCT FROM \(reason)
            """
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
            let ids = try PostgresExceptionInsert.ids(try rows(PostgresExceptionInsert(chunk, receivedAt: receivedAt).query))
            records += PostgresExceptionInsert.records(chunk, ids: ids, receivedAt: receivedAt)
        }
        return records
    }

    @discardableResult
    func writeCard(_ card: NewCard) throws -> Int64 {
        let row = PostgresCardRow(card)
        guard let id = try rows(row.insert).first?.decode(Int64.self) else {
            return try rows("SELECT id FROM cards WHERE exception_id = \(card.exceptionID)").first?.decode(Int64.self) ?? 0
        }
        if let decision = row.ruleDecision(cardID: id) { try run(decision) }
        return id
    }

    func execute(_ plan: ActionPlan, exceptionID: Int64, at date: Date) throws {
        for change in plan.changes {
            switch change {
            case .orderStatus(let number, _), .orderPostcode(let number, _): state.orders[number] = nil
            case .inventoryCount, .refund, .returnedItems: break
            }
        }
        for statement in plan.changes.flatMap(PostgresStateChange.statements) { try run(statement) }
        for message in plan.messages {
            let now = date.timeIntervalSince1970
            try run(
                """
                INSERT INTO outbox (exception_id, target_system, message_type, payload, idempotency_key,
                  next_attempt_at, created_at)
                VALUES (\(exceptionID), \(message.targetSystem), \(message.messageType), \(message.payload.serialized),
                  \(message.idempotencyKey), \(now), \(now))
                ON CONFLICT (idempotency_key) DO NOTHING
                """)
        }
    }

    func enqueue(exceptionID: Int64, task: AITask, at date: Date) throws {
        let now = date.timeIntervalSince1970
        try run(
            """
            INSERT INTO ai_jobs (exception_id, task, not_before, created_at, updated_at)
            VALUES (\(exceptionID), \(task.rawValue), \(now), \(now), \(now)) ON CONFLICT (exception_id) DO NOTHING
            """)
        state.queuedJobs = true
    }

    /// Adds to the hourly counts after taking each type and source's lock, in sorted order: a second process
    /// counting the same type and source waits until this transaction ends, then reads its counts, so both never
    /// miss each other's cascade.
    func countHourly(_ counts: [CascadeKey: Int]) throws {
        let pairs = Set(counts.keys.map { ":cascade:\($0.kind.rawValue):\($0.source)" })
        for pair in pairs.sorted() {
            try run("SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || \(pair), 0))")
        }
        for (key, count) in counts.sorted(by: { ($0.key.hour, $0.key.source) < ($1.key.hour, $1.key.source) }) {
            try run(
                """
                INSERT INTO exception_hours (kind, source, hour, count)
                VALUES (\(key.kind.rawValue), \(key.source), \(key.hour.timeIntervalSince1970), \(Int64(count)))
                ON CONFLICT (kind, source, hour) DO UPDATE SET count = exception_hours.count + excluded.count
                """)
        }
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
            """
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
