import Foundation
import PostgresNIO
import TriageCore

/// The writes of a routing batch that the batch reads back from memory or not at all: cards (with ids drawn ahead
/// from their sequence), links to joined cards, outbox messages, AI jobs, rule decisions, order status and postcode
/// changes and hourly counts. They are kept here and sent as one multi-row statement per table when the batch ends,
/// or before a statement that may read them, instead of one round trip each.
struct PostgresWriteBuffer {
    private var cards: [PostgresCardRow] = []
    private var links: [(exceptionID: Int64, cardID: Int64, at: Double)] = []
    private var outbox: [(exceptionID: Int64, message: OutboxDraft, at: Double)] = []
    private var jobs: [(exceptionID: Int64, task: String, at: Double)] = []
    private var decisions: [RuleDecision] = []
    private var statuses: [(orderNumber: String, status: String)] = []
    private var postcodes: [(orderNumber: String, postcode: String)] = []
    private var counts: [InventoryKey: Int] = [:]
    private var refunds: [String: Int64] = [:]
    private var returns: [ReturnKey: Int] = [:]
    private var hours: [CascadeKey: Int] = [:]

    /// Whether nothing waits to be written.
    var isEmpty: Bool {
        cards.isEmpty && links.isEmpty && outbox.isEmpty && jobs.isEmpty && decisions.isEmpty && statuses.isEmpty && postcodes.isEmpty && hours.isEmpty
            && counts.isEmpty && refunds.isEmpty && returns.isEmpty
    }

    mutating func card(_ row: PostgresCardRow) {
        cards.append(row)
    }

    mutating func link(exceptionID: Int64, toCard cardID: Int64, at date: Date) {
        links.append((exceptionID, cardID, date.timeIntervalSince1970))
    }

    mutating func message(_ message: OutboxDraft, exceptionID: Int64, at date: Date) {
        outbox.append((exceptionID, message, date.timeIntervalSince1970))
    }

    mutating func job(exceptionID: Int64, task: AITask, at date: Date) {
        jobs.append((exceptionID, task.rawValue, date.timeIntervalSince1970))
    }

    /// The decision an auto rule's execution records, if `card` is one.
    mutating func ruleDecision(cardID: Int64, card: NewCard) {
        guard card.status == .autoResolved, let rule = card.rule, let plan = card.plan else { return }
        decisions.append(RuleDecision(cardID: cardID, rule: rule, plan: plan, at: card.createdAt.timeIntervalSince1970))
    }

    /// The decision row of a card an auto rule resolved.
    private struct RuleDecision {
        let cardID: Int64
        let rule: RuleOutcome
        let plan: ActionPlan
        let at: Double
    }

    /// A state change an action plan makes: the last status, postcode or count of each row wins; refunds and
    /// returned quantities add up.
    mutating func change(_ change: StateChange) {
        switch change {
        case .orderStatus(let number, let status): statuses.append((number, status))
        case .orderPostcode(let number, let postcode): postcodes.append((number, postcode))
        case .inventoryCount(let sku, let system, let quantity): counts[InventoryKey(sku: sku, system: system)] = quantity
        case .refund(let number, let amount): refunds[number, default: 0] += amount.cents
        case .returnedItems(let number, let quantities):
            for (sku, qty) in quantities { returns[ReturnKey(orderNumber: number, sku: sku), default: 0] += qty }
        }
    }

    private struct InventoryKey: Hashable, Comparable {
        let sku: String
        let system: String
        static func < (a: Self, b: Self) -> Bool { (a.sku, a.system) < (b.sku, b.system) }
    }

    private struct ReturnKey: Hashable, Comparable {
        let orderNumber: String
        let sku: String
        static func < (a: Self, b: Self) -> Bool { (a.orderNumber, a.sku) < (b.orderNumber, b.sku) }
    }

    /// Takes these transaction-scoped advisory locks in one statement, in sorted order, so two transactions taking
    /// some of the same wait for each other instead of deadlocking.
    static func lockQuery(_ keys: Set<String>) -> PostgresQuery {
        """
        SELECT COUNT(pg_advisory_xact_lock(hashtextextended(current_schema() || k, 0)))
        FROM unnest(\(keys.sorted())::text[]) k
        """
    }

    mutating func count(_ counts: [CascadeKey: Int]) {
        hours.merge(counts, uniquingKeysWith: +)
    }

    /// A statement to send, and for a card insert the rows it must store: fewer means a card was already there (a
    /// second router got to the exception first), and the batch must run again, step by step.
    struct Statement {
        let query: LazyQuery
        let expectedRows: Int?

        /// Throws when the statement stored fewer rows than it must have.
        func check(written: Int) throws {
            guard let expectedRows, written != expectedRows else { return }
            throw PostgresStoreError.readable(CardAlreadyWritten(expected: expectedRows, written: written))
        }
    }

    /// A buffered card insert stored fewer cards than it held: another router wrote a card for one of its
    /// exceptions first. The batch runs again with savepoints, which finds the card that is there.
    struct CardAlreadyWritten: Error, CustomStringConvertible {
        let expected: Int
        let written: Int
        var description: String { "\(expected - written) of \(expected) cards were written by another router first" }
    }

    /// The statements that write everything held, in an order that respects the foreign keys; the buffer empties.
    mutating func drain() -> [Statement] {
        defer { self = PostgresWriteBuffer() }
        let cardInserts = Self.chunks(cards, columns: PostgresCardRow.width).map {
            chunk in Statement(query: LazyQuery { PostgresCardRow.insert(chunk) }, expectedRows: chunk.count)
        }
        let rest = linkStatements() + decisionStatements() + outboxStatements() + jobStatements() + orderStatements()
            + hourStatements()
        return cardInserts + rest.map { Statement(query: $0, expectedRows: nil) }
    }

    /// The links, and each joined card's last update.
    private func linkStatements() -> [LazyQuery] {
        let inserts = Self.inserts(
            links, columns: 3, "INSERT INTO card_links (exception_id, card_id, linked_at)", "ON CONFLICT DO NOTHING"
        ) { link, binds in
            binds.append(link.exceptionID)
            binds.append(link.cardID)
            binds.append(link.at)
        }
        var latest: [Int64: Double] = [:]
        for link in links { latest[link.cardID] = max(latest[link.cardID] ?? 0, link.at) }
        let pairs = latest.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return inserts + Self.updates("cards", set: "updated_at", where: "id", pairs)
    }

    /// Rows per statement for `columns` bindings a row, under PostgreSQL's 65,535 bindings per statement.
    private static func chunks<Row>(_ rows: [Row], columns: Int) -> [ArraySlice<Row>] {
        let size = 60_000 / columns
        return stride(from: 0, to: rows.count, by: size).map { rows[$0..<min($0 + size, rows.count)] }
    }

    /// `head VALUES (…), (…) tail` in chunks, `bind` giving each row's `columns` values.
    private static func inserts<Row>(
        _ rows: [Row], columns: Int, _ head: String, _ tail: String,
        bind: @escaping (Row, inout PostgresBindings) -> Void
    ) -> [LazyQuery] {
        chunks(rows, columns: columns).map { chunk in
            LazyQuery {
                var values = ValuesList()
                for row in chunk { values.add { bind(row, &$0) } }
                return values.query(head, tail)
            }
        }
    }

    private func decisionStatements() -> [LazyQuery] {
        Self.inserts(
            decisions, columns: 10,
            """
            INSERT INTO decisions (card_id, actor, actor_kind, action, parameters, edited_fields, rule_id,
              rule_action, decided_at, seconds_to_decide)
            """, ""
        ) { decision, binds in
            binds.append(decision.cardID)
            binds.append("rule:\(decision.rule.ruleID)@\(decision.rule.ruleVersion)")
            binds.append("rule")
            binds.append(decision.plan.action)
            binds.append(JSONValue.object(decision.plan.parameters).serialized)
            binds.append("[]")
            binds.append(decision.rule.ruleID)
            binds.append(decision.rule.action)
            binds.append(decision.at)
            binds.append(0.0)
        }
    }

    private func outboxStatements() -> [LazyQuery] {
        Self.inserts(
            outbox, columns: 7,
            """
            INSERT INTO outbox (exception_id, target_system, message_type, payload, idempotency_key,
              next_attempt_at, created_at)
            """, "ON CONFLICT (idempotency_key) DO NOTHING"
        ) { row, binds in
            binds.append(row.exceptionID)
            binds.append(row.message.targetSystem)
            binds.append(row.message.messageType)
            binds.append(row.message.payload.serialized)
            binds.append(row.message.idempotencyKey)
            binds.append(row.at)
            binds.append(row.at)
        }
    }

    private func jobStatements() -> [LazyQuery] {
        Self.inserts(
            jobs, columns: 5, "INSERT INTO ai_jobs (exception_id, task, not_before, created_at, updated_at)",
            "ON CONFLICT (exception_id) DO NOTHING"
        ) { job, binds in
            binds.append(job.exceptionID)
            binds.append(job.task)
            binds.append(job.at)
            binds.append(job.at)
            binds.append(job.at)
        }
    }

    /// One `UPDATE … FROM (VALUES …)` per column; an order changed twice keeps its last value.
    private func orderStatements() -> [LazyQuery] {
        Self.orderUpdates(statuses.map { ($0.orderNumber, $0.status) }, column: "status")
            + Self.orderUpdates(postcodes.map { ($0.orderNumber, $0.postcode) }, column: "postcode")
            + Self.updates(
                "orders", set: "refunded_cents", to: "t.refunded_cents + v.value", where: "order_number",
                refunds.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
            + inventoryStatements() + returnStatements()
    }

    private func inventoryStatements() -> [LazyQuery] {
        Self.keyedCounts(
            counts.sorted { $0.key < $1.key }.map { ($0.key.sku, $0.key.system, $0.value) },
            "INSERT INTO inventory (sku, system, quantity)",
            "ON CONFLICT (sku, system) DO UPDATE SET quantity = excluded.quantity")
    }

    private func returnStatements() -> [LazyQuery] {
        Self.keyedCounts(
            returns.sorted { $0.key < $1.key }.map { ($0.key.orderNumber, $0.key.sku, $0.value) },
            "INSERT INTO order_returns (order_number, sku, qty)",
            "ON CONFLICT (order_number, sku) DO UPDATE SET qty = order_returns.qty + excluded.qty")
    }

    /// Rows of two key columns and a count.
    private static func keyedCounts(_ rows: [(String, String, Int)], _ head: String, _ tail: String) -> [LazyQuery] {
        inserts(rows, columns: 3, head, tail) { row, binds in
            binds.append(row.0)
            binds.append(row.1)
            binds.append(Int64(row.2))
        }
    }

    private static func orderUpdates(_ changes: [(String, String)], column: String) -> [LazyQuery] {
        var last: [String: String] = [:]
        for (number, value) in changes { last[number] = value }
        return updates("orders", set: column, where: "order_number", last.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// `UPDATE table SET column = v.value FROM (VALUES (key, value), …) WHERE table.keyColumn = v.key`, in chunks.
    private static func updates<Key: PostgresNonThrowingEncodable, Value: PostgresNonThrowingEncodable>(
        _ table: String, set column: String, to value: String = "v.value", where keyColumn: String,
        _ pairs: [(Key, Value)]
    ) -> [LazyQuery] {
        chunks(pairs, columns: 2).map { chunk in LazyQuery {
            var values = ValuesList()
            for (key, value) in chunk {
                values.add { binds in
                    binds.append(key)
                    binds.append(value)
                }
            }
            let update = values.query("UPDATE \(table) AS t SET \(column) = \(value) FROM (", ") AS v(key, value)")
            return PostgresQuery(unsafeSQL: update.sql + " WHERE t.\(keyColumn) = v.key", binds: update.binds)
        } }
    }

    /// Sorted, so two batches adding to the same hours wait for each other instead of deadlocking.
    private func hourStatements() -> [LazyQuery] {
        let sorted = hours.sorted {
            ($0.key.kind.rawValue, $0.key.source, $0.key.hour) < ($1.key.kind.rawValue, $1.key.source, $1.key.hour)
        }
        return Self.inserts(
            sorted, columns: 4, "INSERT INTO exception_hours (kind, source, hour, count)",
            "ON CONFLICT (kind, source, hour) DO UPDATE SET count = exception_hours.count + excluded.count"
        ) { hour, binds in
            binds.append(hour.key.kind.rawValue)
            binds.append(hour.key.source)
            binds.append(hour.key.hour.timeIntervalSince1970)
            binds.append(Int64(hour.value))
        }
    }
}
