import Foundation
import PostgresNIO
import TriageCore

extension PostgresRoutingTransaction: OrderLedger {
    func refunded(orderNumber: String) throws -> Money {
        if state.buffering && !state.flushed {
            let base = try byKey(keyed.ledger(orderNumber), standIn: (Money(cents: 0), [:])).refunded
            return base + (state.refundedHere[orderNumber] ?? Money(cents: 0))
        }
        let cents = try rows("SELECT refunded_cents FROM orders WHERE order_number = \(orderNumber)")
            .first?.decode(Int64.self)
        return Money(cents: cents ?? 0)
    }

    func returnedQuantities(orderNumber: String) throws -> [String: Int] {
        if state.buffering && !state.flushed {
            let base = try byKey(keyed.ledger(orderNumber), standIn: (Money(cents: 0), [:])).returned
            return base.merging(state.returnedHere[orderNumber] ?? [:], uniquingKeysWith: +)
        }
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
        state.reserved.formUnion(fresh)
        try prefetch(fresh.sorted(), locking: Set(fresh.map(PostgresCardJoin.lockKey)))
    }

    /// Reads the orders (with their lines), payments and shipments of `numbers` in one group of statements, after
    /// taking `locks` (the orders' join locks) in the same group, so routing the batch reads them from memory. While
    /// buffering, the orders' undecided cards come with them, and card ids for the batch's exceptions when none are
    /// left.
    func prefetch(_ numbers: [String], locking locks: Set<String> = []) throws {
        for number in numbers { (state.orders[number], state.payments[number], state.shipments[number]) = (.some(nil), [], []) }
        var queries: [LazyQuery] = locks.isEmpty ? [] : [LazyQuery { PostgresWriteBuffer.lockQuery(locks) }]
        let joinable = state.buffering
        if joinable {
            queries.append(LazyQuery {
                """
                SELECT c.order_number, c.kind, c.id, \(unescaped: PostgresExceptionRows.columns(of: "e"))
                FROM cards AS c JOIN exceptions AS e ON e.id = c.exception_id
                WHERE c.order_number = ANY(\(numbers)) AND c.status = ANY(\(Self.joinableStatuses))
                ORDER BY c.id
                """
            })
        }
        queries += [
            LazyQuery {
            """
            SELECT o.order_number, l.sku, l.description, l.qty, l.unit_price_cents
            FROM orders AS o JOIN order_lines AS l ON l.order_id = o.order_id
            WHERE o.order_number = ANY(\(numbers)) ORDER BY o.order_number, l.line_no
            """
            },
            LazyQuery { "SELECT \(unescaped: PostgresReferenceRows.orderColumns) FROM orders WHERE order_number = ANY(\(numbers))" },
            LazyQuery {
            """
            SELECT \(unescaped: PostgresReferenceRows.paymentColumns) FROM payments WHERE order_number = ANY(\(numbers))
            ORDER BY order_number, updated_at DESC
            """
            },
            LazyQuery {
            """
            SELECT \(unescaped: PostgresReferenceRows.shipmentColumns) FROM shipments WHERE order_number = ANY(\(numbers))
            """
            },
        ]
        let drawing = state.buffering && state.cardIDs.isEmpty
        if drawing { queries.append(LazyQuery(cardIDQuery())) }
        let read = try decoded(queries) { results in
            try PrefetchedOrders(results.dropFirst(locks.isEmpty ? 0 : 1), joinable: joinable, cardIDs: drawing)
        }
        if joinable {
            for number in numbers { state.joinable[number] = read.joinable[number] ?? [] }
        }
        for (number, order) in read.orders { state.orders[number] = .some(order) }
        for (number, payments) in read.payments { state.payments[number] = payments }
        for (number, shipments) in read.shipments { state.shipments[number] = shipments }
        if drawing { state.cardIDs = read.cardIDs.reversed() }
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
        let lines = { try order(number: orderNumber)?.lines ?? [] }
        let ours = try keyed.requested.skus(of: record, orderNumber: orderNumber, lines: lines)
        for candidate in candidates
        where RequestedLines.overlap(ours, try keyed.requested.skus(of: candidate.record, orderNumber: orderNumber, lines: lines)) {
            return candidate.id
        }
        return nil
    }

    /// The statuses of a card a later exception joins.
    static let joinableStatuses = CardStatus.joinable.map(\.rawValue)

    func link(exceptionID: Int64, toCard cardID: Int64, at date: Date) throws {
        state.writes += 1
        state.buffer.link(exceptionID: exceptionID, toCard: cardID, at: date)
        try flushUnlessBuffering()
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

/// The rows `prefetch` reads, decoded once per transaction (see ``StatementReplay``): orders with their lines,
/// payments and shipments, and while buffering the orders' undecided cards and card ids drawn for the batch.
struct PrefetchedOrders {
    var joinable: [String: [(id: Int64, kind: String, record: ExceptionRecord)]] = [:]
    var orders: [String: Order] = [:]
    var payments: [String: [Payment]] = [:]
    var shipments: [String: [Shipment]] = [:]
    var cardIDs: [Int64] = []

    init(_ results: ArraySlice<[PostgresRow]>, joinable hasJoinable: Bool, cardIDs hasCardIDs: Bool) throws {
        var results = results
        if hasJoinable {
            for row in results.removeFirst() {
                let cells = row.makeRandomAccess()
                let (number, kind, id) = (
                    try cells[0].decode(String.self), try cells[1].decode(String.self), try cells[2].decode(Int64.self)
                )
                joinable[number, default: []].append((id, kind, try PostgresExceptionRows.record(row, offset: 3)))
            }
        }
        var lines: [String: [OrderLine]] = [:]
        for row in results.removeFirst() {
            let (number, line) = try PostgresReferenceRows.keyedLine(row)
            lines[number, default: []].append(line)
        }
        for row in results.removeFirst() {
            let order = try PostgresReferenceRows.order(row, lines: [])
            orders[order.orderNumber] = try PostgresReferenceRows.order(row, lines: lines[order.orderNumber] ?? [])
        }
        for row in results.removeFirst() {
            let payment = try PostgresReferenceRows.payment(row)
            payments[payment.orderNumber, default: []].append(payment)
        }
        for row in results.removeFirst() {
            let shipment = try PostgresReferenceRows.shipment(row)
            shipments[shipment.orderNumber, default: []].append(shipment)
        }
        if hasCardIDs { cardIDs = try results.removeFirst().map { try $0.decode(Int64.self) } }
    }
}
