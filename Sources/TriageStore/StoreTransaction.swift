import Foundation
import GRDB
import TriageCore

/// Routing work inside one write transaction: reads reference data, stores exceptions, cards, actions.
///
/// Statements are cached per connection, so routing thousands of exceptions in one transaction
/// prepares each statement once.
struct StoreTransaction: RoutingTransaction {
    let db: Database
    /// What this transaction already read for joining cards.
    let joins = CardJoinMemo()

    func holdUnrouted(_ records: [ExceptionRecord]) throws -> [ExceptionRecord] {
        let ids = records.map(\.id)
        let request: SQLRequest<Int64> = """
            SELECT exception_id FROM cards WHERE exception_id IN \(ids)
            UNION SELECT exception_id FROM card_links WHERE exception_id IN \(ids)
            """
        let routed = try Set(request.fetchAll(db))
        return records.filter { !routed.contains($0.id) }
    }

    func order(number: String) throws -> Order? {
        try OrderRow.fetch(db, number: number)
    }

    func orderHeader(number: String) throws -> Order? {
        try OrderRow.fetch(db, number: number, withLines: false)
    }

    func product(sku: String) throws -> Product? {
        try ReferenceRows.product(db, sku: sku)
    }

    func payments(orderNumber: String) throws -> [Payment] {
        try ReferenceRows.payments(db, orderNumber: orderNumber)
    }

    func shipments(orderNumber: String) throws -> [Shipment] {
        try ReferenceRows.shipments(db, orderNumber: orderNumber)
    }

    func inventory(sku: String) throws -> [InventoryCount] {
        try ReferenceRows.inventory(db, sku: sku)
    }

    func occurrences(source: String, kind: ExceptionKind, reason: String?) throws -> Int {
        let statement = try db.cachedStatement(
            sql: "SELECT COUNT(*) FROM exceptions WHERE kind = ? AND source = ? AND reason IS ?")
        return try Int.fetchOne(statement, arguments: [kind.rawValue, source, reason]) ?? 0
    }

    func insert(_ exception: NewException, receivedAt: Date) throws -> ExceptionRecord? {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO exceptions (source, event_id, kind, reason, occurred_at, received_at, order_number,
                  handling_minutes, text, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (source, event_id) DO NOTHING
                """)
        let payload = exception.payloadText
        try statement.execute(arguments: [
            exception.source, exception.eventID, exception.kind.rawValue, exception.reason,
            exception.occurredAt.timeIntervalSince1970, receivedAt.timeIntervalSince1970, exception.orderNumber,
            exception.handlingMinutes, exception.text, payload,
        ])
        guard db.changesCount > 0 else { return nil }
        let record = ExceptionRecord(id: db.lastInsertedRowID, exception: exception, receivedAt: receivedAt)
        joins.remember(record)
        return record
    }

    @discardableResult
    func writeCard(_ card: NewCard) throws -> Int64 {
        let id = try CardWriter(db: db).insert(card)
        joins.wrote(card, id: id)
        return id
    }

    /// Reads the undecided cards of the batch's orders at once, for the card join.
    func reserveOrders(_ orderNumbers: Set<String>) throws {
        try joins.readOpenCards(of: orderNumbers, in: db)
    }

    func execute(_ plan: ActionPlan, exceptionID: Int64, at date: Date) throws {
        for change in plan.changes {
            try apply(change)
        }
        for message in plan.messages {
            try OutboxWriter(db: db).enqueue(message, exceptionID: exceptionID, at: date)
        }
    }

    func enqueue(exceptionID: Int64, task: AITask, at date: Date) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO ai_jobs (exception_id, task, not_before, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (exception_id) DO NOTHING
                """)
        let now = date.timeIntervalSince1970
        try statement.execute(arguments: [exceptionID, task.rawValue, now, now, now])
    }

    func countHourly(_ counts: [CascadeKey: Int]) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO exception_hours (kind, source, hour, count) VALUES (?, ?, ?, ?)
                ON CONFLICT (kind, source, hour) DO UPDATE SET count = count + excluded.count
                """)
        for (key, count) in counts {
            try statement.execute(arguments: [key.kind.rawValue, key.source, key.hour.timeIntervalSince1970, count])
        }
    }

    func hourlyCounts(_ ranges: [HourRange]) throws -> [[Date: Int]] {
        let statement = try db.cachedStatement(
            sql: "SELECT hour, count FROM exception_hours WHERE kind = ? AND source = ? AND hour >= ? AND hour < ?")
        return try ranges.map { range in
            var counts: [Date: Int] = [:]
            let rows = try Row.fetchCursor(
                statement,
                arguments: [range.kind.rawValue, range.source, range.from.timeIntervalSince1970, range.to.timeIntervalSince1970])
            while let row = try rows.next() { counts[Date(timeIntervalSince1970: row["hour"])] = row["count"] }
            return counts
        }
    }

    func cascadeRaised(kind: ExceptionKind, source: String, since: Date) throws -> Bool {
        let statement = try db.cachedStatement(
            sql: """
                SELECT 1 FROM exceptions WHERE source = ? AND kind = 'integration_failure' AND reason = 'cascade'
                  AND event_id LIKE ? AND occurred_at >= ? LIMIT 1
                """)
        return try Bool.fetchOne(
            statement, arguments: [source, "cascade:\(kind.rawValue):%", since.timeIntervalSince1970]) ?? false
    }

    private func apply(_ change: StateChange) throws {
        switch change {
        case .orderStatus(let number, let status):
            try db.cachedStatement(sql: "UPDATE orders SET status = ? WHERE order_number = ?")
                .execute(arguments: [status, number])
        case .orderPostcode(let number, let postcode):
            try db.cachedStatement(sql: "UPDATE orders SET postcode = ? WHERE order_number = ?")
                .execute(arguments: [postcode, number])
        case .inventoryCount(let sku, let system, let quantity):
            try db.cachedStatement(
                sql: """
                    INSERT INTO inventory (sku, system, quantity) VALUES (?, ?, ?)
                    ON CONFLICT (sku, system) DO UPDATE SET quantity = excluded.quantity
                    """
            ).execute(arguments: [sku, system, quantity])
        case .refund(let number, let amount):
            try db.cachedStatement(
                sql: "UPDATE orders SET refunded_cents = refunded_cents + ? WHERE order_number = ?"
            ).execute(arguments: [amount.cents, number])
        case .returnedItems(let number, let quantities):
            try recordReturn(orderNumber: number, quantities: quantities)
        }
    }
}

extension StoreTransaction {
    /// Runs `body` in a savepoint: rolled back when it throws, so the rest of the transaction still commits. Its
    /// statements are prepared once per connection (GRDB's `inSavepoint` prepares them per call, which cost more than
    /// a routed exception's card write). When the rollback itself fails, its error ends the transaction.
    func isolated<T>(_ body: () throws -> T) throws -> T {
        try db.cachedStatement(sql: "SAVEPOINT routed").execute()
        let value: T
        do {
            value = try body()
        } catch {
            try db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT routed").execute()
            try db.cachedStatement(sql: "RELEASE SAVEPOINT routed").execute()
            throw error
        }
        try db.cachedStatement(sql: "RELEASE SAVEPOINT routed").execute()
        return value
    }
}

extension AppDatabase: RoutingStore {
    /// Runs routing work in one write transaction.
    public func routingTransaction<T: Sendable>(
        _ body: @escaping @Sendable (any RoutingTransaction) throws -> T
    ) async throws -> T {
        try await writer.write { db in
            let transaction = StoreTransaction(db: db)
            let result = try body(transaction)
            try transaction.joins.markChangedCards(in: db)
            return result
        }
    }

    /// SQLite has one writer.
    public var writesOneAtATime: Bool { true }
}
