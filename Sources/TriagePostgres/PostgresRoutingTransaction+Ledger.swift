import Foundation
import PostgresNIO
import TriageCore

extension PostgresRoutingTransaction: OrderLedger {
    func refunded(orderNumber: String) throws -> Money {
        let cents = try rows("SELECT refunded_cents FROM orders WHERE order_number = \(orderNumber)")
            .first?.decode(Int64.self)
        return Money(cents: cents ?? 0)
    }

    func returnedQuantities(orderNumber: String) throws -> [String: Int] {
        let pairs = try rows("SELECT sku, qty FROM order_returns WHERE order_number = \(orderNumber)").map { row in
            let (sku, qty) = try row.decode((String, Int64).self)
            return (sku, Int(qty))
        }
        return Dictionary(pairs, uniquingKeysWith: +)
    }
}

extension PostgresRoutingTransaction {
    func remember(digest: String, source: String, at date: Date) throws -> Bool {
        try !rows(
            """
            INSERT INTO webhook_digests (source, digest, received_at) VALUES (\(source), \(digest), \(date.timeIntervalSince1970))
            ON CONFLICT DO NOTHING RETURNING 1
            """
        ).isEmpty
    }

    /// Takes the join lock of every order, in sorted order and in one statement (the worker's ack takes the same
    /// locks, sorted the same way), so two processes never each give one order a card of its own, and never deadlock
    /// on each other's orders.
    func reserveOrders(_ orderNumbers: Set<String>) throws {
        // Filtered, not `subtracting`: that walks the batch's whole reserved set on every card lookup.
        let fresh = orderNumbers.filter { !state.reserved.contains($0) }
        guard !fresh.isEmpty else { return }
        let keys = fresh.sorted().map(PostgresCardJoin.lockKey)
        try run(
            """
            SELECT COUNT(pg_advisory_xact_lock(hashtextextended(current_schema() || k, 0)))
            FROM unnest(\(keys)::text[]) k
            """, flushing: false)
        state.reserved.formUnion(fresh)
        try prefetch(Array(fresh))
    }

    /// Reads the orders (with their lines), payments and shipments of `numbers` in four statements, so routing the
    /// batch reads them from memory. The orders' join locks are held, so no other routing changes them first.
    func prefetch(_ numbers: [String]) throws {
        for number in numbers { (state.orders[number], state.payments[number], state.shipments[number]) = (.some(nil), [], []) }
        if state.buffering { try prefetchJoinable(numbers) }
        var lines: [String: [OrderLine]] = [:]
        for row in try rows(
            """
            SELECT o.order_number, l.sku, l.description, l.qty, l.unit_price_cents
            FROM orders AS o JOIN order_lines AS l ON l.order_id = o.order_id
            WHERE o.order_number = ANY(\(numbers)) ORDER BY o.order_number, l.line_no
            """)
        {
            let (number, line) = try PostgresReferenceRows.keyedLine(row)
            lines[number, default: []].append(line)
        }
        for row in try rows(
            "SELECT \(unescaped: PostgresReferenceRows.orderColumns) FROM orders WHERE order_number = ANY(\(numbers))")
        {
            let order = try PostgresReferenceRows.order(row, lines: [])
            state.orders[order.orderNumber] = .some(try PostgresReferenceRows.order(row, lines: lines[order.orderNumber] ?? []))
        }
        for row in try rows(
            """
            SELECT \(unescaped: PostgresReferenceRows.paymentColumns) FROM payments WHERE order_number = ANY(\(numbers))
            ORDER BY order_number, updated_at DESC
            """)
        {
            let payment = try PostgresReferenceRows.payment(row)
            state.payments[payment.orderNumber, default: []].append(payment)
        }
        for row in try rows(
            """
            SELECT \(unescaped: PostgresReferenceRows.shipmentColumns) FROM shipments WHERE order_number = ANY(\(numbers))
            """)
        {
            let shipment = try PostgresReferenceRows.shipment(row)
            state.shipments[shipment.orderNumber, default: []].append(shipment)
        }
    }

    /// The undecided cards of `numbers`, oldest first, into the batch's memory (after the buffer is written, so the
    /// batch's own cards are among them). The orders' join locks are held, so no other router adds one meanwhile.
    private func prefetchJoinable(_ numbers: [String]) throws {
        for number in numbers { state.joinable[number] = [] }
        for row in try rows(
            """
            SELECT c.order_number, c.kind, c.id, \(unescaped: PostgresExceptionRows.columns(of: "e"))
            FROM cards AS c JOIN exceptions AS e ON e.id = c.exception_id
            WHERE c.order_number = ANY(\(numbers)) AND c.status = ANY(\(Self.joinableStatuses))
            ORDER BY c.id
            """)
        {
            let cells = row.makeRandomAccess()
            let (number, kind, id) = (try cells[0].decode(String.self), try cells[1].decode(String.self), try cells[2].decode(Int64.self))
            state.joinable[number]?.append((id, kind, try PostgresExceptionRows.record(row, offset: 3)))
        }
    }

    /// The oldest undecided card about the same order and cause as `record`, after reserving its order (nothing to
    /// do when the batch reserved it).
    func openCard(like record: ExceptionRecord, orderNumber: String) throws -> Int64? {
        try reserveOrders([orderNumber])
        let kind = record.exception.kind.rawValue
        let candidates: [(id: Int64, record: ExceptionRecord)]
        if state.buffering, let known = state.joinable[orderNumber] {
            candidates = known.filter { $0.kind == kind }.map { ($0.id, $0.record) }
        } else {
            candidates = try rows(
                """
                SELECT c.id, \(unescaped: PostgresExceptionRows.columns(of: "e"))
                FROM cards AS c JOIN exceptions AS e ON e.id = c.exception_id
                WHERE c.order_number = \(orderNumber) AND c.kind = \(kind) AND c.status = ANY(\(Self.joinableStatuses))
                ORDER BY c.id
                """
            ).map { (try $0.makeRandomAccess()[0].decode(Int64.self), try PostgresExceptionRows.record($0, offset: 1)) }
        }
        guard !candidates.isEmpty else { return nil }
        let lines = try order(number: orderNumber)?.lines ?? []
        let ours = RequestedLines.skus(of: record, lines: lines)
        return candidates.first { RequestedLines.overlap(ours, RequestedLines.skus(of: $0.record, lines: lines)) }?.id
    }

    /// The statuses of a card a later exception joins.
    static let joinableStatuses = CardStatus.joinable.map(\.rawValue)

    func link(exceptionID: Int64, toCard cardID: Int64, at date: Date) throws {
        state.buffer.link(exceptionID: exceptionID, toCard: cardID, at: date)
        try flushUnlessBuffering()
    }
}

/// The statement for each state change an action plan makes that `PostgresWriteBuffer` does not hold; the SQLite
/// store's, in PostgreSQL's words.
enum PostgresStateChange {
    static func statements(_ change: StateChange) -> [PostgresQuery] {
        switch change {
        case .orderStatus, .orderPostcode:
            preconditionFailure("order changes go through PostgresWriteBuffer")
        case .inventoryCount(let sku, let system, let quantity):
            return [
                """
                INSERT INTO inventory (sku, system, quantity) VALUES (\(sku), \(system), \(Int64(quantity)))
                ON CONFLICT (sku, system) DO UPDATE SET quantity = excluded.quantity
                """
            ]
        case .refund(let number, let amount):
            return ["UPDATE orders SET refunded_cents = refunded_cents + \(amount.cents) WHERE order_number = \(number)"]
        case .returnedItems(let number, let quantities):
            return quantities.sorted { $0.key < $1.key }.map { sku, qty in
                """
                INSERT INTO order_returns (order_number, sku, qty) VALUES (\(number), \(sku), \(Int64(qty)))
                ON CONFLICT (order_number, sku) DO UPDATE SET qty = order_returns.qty + excluded.qty
                """
            }
        }
    }
}

/// A new card's row, with the id the transaction drew for it from the cards' sequence (the decision an auto rule's
/// execution records is `PostgresWriteBuffer`'s).
struct PostgresCardRow {
    let id: Int64
    let card: NewCard

    static let columns = """
        id, exception_id, kind, decision_type, status, team, title, summary, rule_id, rule_version, rule_mode,
          rule_action, plan, amount_cents, flags, details, created_at, updated_at, resolved_at, order_number
        """
    /// Bindings per row.
    static let width = 20

    /// The order the card is about, if any.
    var orderNumber: String? { card.details["order_number"]?.text }

    /// Binds the row's values in `columns` order.
    func bind(_ binds: inout PostgresBindings) {
        let created = card.createdAt.timeIntervalSince1970
        let resolved: Double? = card.status == .autoResolved ? created : nil
        let rule = card.rule
        binds.append(id)
        binds.append(card.exceptionID)
        binds.append(card.kind.rawValue)
        binds.append(card.decisionType.rawValue)
        binds.append(card.status.rawValue)
        binds.append(card.team)
        binds.append(card.title)
        binds.append(card.summary)
        binds.append(rule?.ruleID)
        binds.append(rule.map { Int64($0.ruleVersion) })
        binds.append(rule?.mode.rawValue)
        binds.append(rule?.action)
        binds.append(card.plan?.jsonValue.serialized)
        binds.append(card.amountAtStake?.cents)
        binds.append(JSONValue.array(card.flags.map(JSONValue.string)).serialized)
        binds.append(JSONValue.object(card.details).serialized)
        binds.append(created)
        binds.append(created)
        binds.append(resolved)
        binds.append(orderNumber)
    }

    /// One multi-row insert; a card for an exception that has one already is skipped, and the statement returns the
    /// ids it stored.
    static func insert(_ rows: some Collection<PostgresCardRow>) -> PostgresQuery {
        var values = ValuesList()
        for row in rows { values.add { row.bind(&$0) } }
        return values.query("INSERT INTO cards (\(columns))", "ON CONFLICT (exception_id) DO NOTHING RETURNING id")
    }
}
