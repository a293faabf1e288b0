import Foundation
import PostgresNIO
import TriageCore

/// The writes of a routing batch that nothing in the batch reads back: outbox messages, AI jobs, rule decisions,
/// order status and postcode changes and hourly counts. They are kept here and sent as one multi-row statement per
/// table when the batch ends, or before a statement that may read them, instead of one round trip each.
struct PostgresWriteBuffer {
    private var outbox: [(exceptionID: Int64, message: OutboxDraft, at: Double)] = []
    private var jobs: [(exceptionID: Int64, task: String, at: Double)] = []
    private var decisions: [RuleDecision] = []
    private var statuses: [(orderNumber: String, status: String)] = []
    private var postcodes: [(orderNumber: String, postcode: String)] = []
    private var hours: [CascadeKey: Int] = [:]

    /// Whether nothing waits to be written.
    var isEmpty: Bool {
        outbox.isEmpty && jobs.isEmpty && decisions.isEmpty && statuses.isEmpty && postcodes.isEmpty && hours.isEmpty
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

    /// An order change, if `change` is one this buffer holds; false for the others, which are written at once.
    mutating func orderChange(_ change: StateChange) -> Bool {
        switch change {
        case .orderStatus(let number, let status): statuses.append((number, status))
        case .orderPostcode(let number, let postcode): postcodes.append((number, postcode))
        case .inventoryCount, .refund, .returnedItems: return false
        }
        return true
    }

    mutating func count(_ counts: [CascadeKey: Int]) {
        hours.merge(counts, uniquingKeysWith: +)
    }

    /// The statements that write everything held, in an order that respects the foreign keys; the buffer empties.
    mutating func drain() -> [PostgresQuery] {
        defer { self = PostgresWriteBuffer() }
        return decisionStatements() + outboxStatements() + jobStatements() + orderStatements() + hourStatements()
    }

    /// Rows per statement for `columns` bindings a row, under PostgreSQL's 65,535 bindings per statement.
    private static func chunks<Row>(_ rows: [Row], columns: Int) -> [ArraySlice<Row>] {
        let size = 60_000 / columns
        return stride(from: 0, to: rows.count, by: size).map { rows[$0..<min($0 + size, rows.count)] }
    }

    private func decisionStatements() -> [PostgresQuery] {
        Self.chunks(decisions, columns: 10).map { chunk in
            var values = ValuesList()
            for decision in chunk {
                values.add { binds in
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
            return values.query(
                """
                INSERT INTO decisions (card_id, actor, actor_kind, action, parameters, edited_fields, rule_id,
                  rule_action, decided_at, seconds_to_decide)
                """, "")
        }
    }

    private func outboxStatements() -> [PostgresQuery] {
        Self.chunks(outbox, columns: 7).map { chunk in
            var values = ValuesList()
            for (exceptionID, message, at) in chunk {
                values.add { binds in
                    binds.append(exceptionID)
                    binds.append(message.targetSystem)
                    binds.append(message.messageType)
                    binds.append(message.payload.serialized)
                    binds.append(message.idempotencyKey)
                    binds.append(at)
                    binds.append(at)
                }
            }
            return values.query(
                """
                INSERT INTO outbox (exception_id, target_system, message_type, payload, idempotency_key,
                  next_attempt_at, created_at)
                """, "ON CONFLICT (idempotency_key) DO NOTHING")
        }
    }

    private func jobStatements() -> [PostgresQuery] {
        Self.chunks(jobs, columns: 5).map { chunk in
            var values = ValuesList()
            for (exceptionID, task, at) in chunk {
                values.add { binds in
                    binds.append(exceptionID)
                    binds.append(task)
                    binds.append(at)
                    binds.append(at)
                    binds.append(at)
                }
            }
            return values.query(
                "INSERT INTO ai_jobs (exception_id, task, not_before, created_at, updated_at)",
                "ON CONFLICT (exception_id) DO NOTHING")
        }
    }

    /// One `UPDATE … FROM (VALUES …)` per column; an order changed twice keeps its last value.
    private func orderStatements() -> [PostgresQuery] {
        Self.orderUpdates(statuses.map { ($0.orderNumber, $0.status) }, column: "status")
            + Self.orderUpdates(postcodes.map { ($0.orderNumber, $0.postcode) }, column: "postcode")
    }

    private static func orderUpdates(_ changes: [(String, String)], column: String) -> [PostgresQuery] {
        var last: [String: String] = [:]
        for (number, value) in changes { last[number] = value }
        return chunks(last.sorted { $0.key < $1.key }, columns: 2).map { chunk in
            var values = ValuesList()
            for (number, value) in chunk {
                values.add { binds in
                    binds.append(number)
                    binds.append(value)
                }
            }
            let update = values.query("UPDATE orders AS o SET \(column) = v.value FROM (", ") AS v(order_number, value)")
            return PostgresQuery(unsafeSQL: update.sql + " WHERE o.order_number = v.order_number", binds: update.binds)
        }
    }

    /// Sorted like the locks `countHourly` takes, so two batches adding to the same hours wait instead of deadlocking.
    private func hourStatements() -> [PostgresQuery] {
        let sorted = hours.sorted {
            ($0.key.kind.rawValue, $0.key.source, $0.key.hour) < ($1.key.kind.rawValue, $1.key.source, $1.key.hour)
        }
        return Self.chunks(sorted, columns: 4).map { chunk in
            var values = ValuesList()
            for (key, count) in chunk {
                values.add { binds in
                    binds.append(key.kind.rawValue)
                    binds.append(key.source)
                    binds.append(key.hour.timeIntervalSince1970)
                    binds.append(Int64(count))
                }
            }
            return values.query(
                "INSERT INTO exception_hours (kind, source, hour, count)",
                "ON CONFLICT (kind, source, hour) DO UPDATE SET count = exception_hours.count + excluded.count")
        }
    }
}
