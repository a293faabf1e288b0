import Foundation
import GRDB
import TriageCore

extension AppDatabase {
    /// Open cards (open or awaiting confirmation), the preferred team first, then money at stake, then oldest.
    public func reviewQueue(_ filter: QueueFilter, now: Date) async throws -> [QueueItem] {
        try await writer.read { db in
            var conditions: [SQL] = ["c.status IN ('open', 'awaiting_confirmation')"]
            if let kind = filter.kind { conditions.append("c.kind = \(kind.rawValue)") }
            if let type = filter.decisionType { conditions.append("c.decision_type = \(type.rawValue)") }
            if let team = filter.team { conditions.append("c.team = \(team)") }
            if let confidence = filter.confidence { conditions.append("c.confidence = \(confidence.rawValue)") }
            if let (pattern, number, search) = filter.searchTerms {
                conditions.append(
                    """
                    (c.title LIKE \(pattern) ESCAPE '\\' OR c.exception_id IN (
                      SELECT e.id FROM exceptions e WHERE e.order_number = \(number) OR e.event_id = \(search)
                        OR e.text LIKE \(pattern) ESCAPE '\\' OR e.payload LIKE \(pattern) ESCAPE '\\'))
                    """)
            }
            if let hours = filter.minAgeHours {
                conditions.append("c.created_at <= \(now.timeIntervalSince1970 - hours * 3600)")
            }
            if let rule = filter.rule { conditions.append("c.rule_id = \(rule)") }
            if let after = filter.after { conditions.append(Self.after(after, preferTeam: filter.preferTeam)) }
            let request = SQLRequest<Row>(
                """
                SELECT c.*, CASE WHEN l.until > \(now.timeIntervalSince1970) THEN l.user_name END AS locked_by,
                  (SELECT substr(e.text, 1, \(QueueItem.snippetLength)) FROM exceptions e WHERE e.id = c.exception_id) AS snippet
                FROM cards c LEFT JOIN card_locks l ON l.card_id = c.id
                WHERE \(conditions.joined(operator: .and))
                ORDER BY (c.team = \(filter.preferTeam ?? "")) DESC, COALESCE(c.amount_cents, 0) DESC, c.created_at, c.id
                LIMIT \(max(filter.limit, 0))
                """)
            return try request.fetchAll(db).map { row in
                QueueItem(card: try CardRows.card(row), lockedBy: row["locked_by"], snippet: row["snippet"])
            }
        }
    }

    /// Rows after `cursor` in the queue's order: team first (descending), amount (descending), age, id.
    private static func after(_ cursor: QueueCursor, preferTeam: String?) -> SQL {
        let preferred: SQL = "(c.team = \(preferTeam ?? ""))"
        let amount: SQL = "COALESCE(c.amount_cents, 0)"
        let flag = cursor.preferred ? 1 : 0
        return """
            (\(preferred) < \(flag) OR (\(preferred) = \(flag) AND (\(amount) < \(cursor.amountCents)
              OR (\(amount) = \(cursor.amountCents) AND (c.created_at > \(cursor.createdAt)
                OR (c.created_at = \(cursor.createdAt) AND c.id > \(cursor.id)))))))
            """
    }

    /// Open cards per exception kind.
    public func openCounts() async throws -> [ExceptionKind: Int] {
        try await writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT kind, COUNT(*) AS n FROM cards WHERE status IN ('open', 'awaiting_confirmation')
                    GROUP BY kind
                    """)
            var counts: [ExceptionKind: Int] = [:]
            for row in rows { if let kind = ExceptionKind(rawValue: row["kind"]) { counts[kind] = row["n"] } }
            return counts
        }
    }

    /// Gated cards awaiting confirmation per rule id (rule plans only: cards with an AI suggestion are left out).
    public func gatedCounts() async throws -> [String: Int] {
        try await writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT rule_id, COUNT(*) AS n FROM cards
                    WHERE status = 'awaiting_confirmation' AND rule_id IS NOT NULL AND suggestion IS NULL
                    GROUP BY rule_id
                    """)
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["rule_id"], $0["n"]) })
        }
    }

    /// The consolidated view of one card: exception, order with lines, shipments, payments, decisions, lock.
    public func cardContext(id: Int64, now: Date) async throws -> CardContext? {
        try await writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM cards WHERE id = ?", arguments: [id]) else {
                return nil
            }
            let card = try CardRows.card(row)
            guard let exceptionRow = try Row.fetchOne(
                db, sql: "SELECT * FROM exceptions WHERE id = ?", arguments: [card.card.exceptionID])
            else { return nil }
            let exception = try ExceptionRows.record(exceptionRow)
            let order = try Self.order(for: card, exception: exception, db: db)
            let number = order?.orderNumber ?? ""
            var context = CardContext(
                card: card, exception: exception, order: order,
                shipments: try ReferenceRows.shipments(db, orderNumber: number),
                payments: try ReferenceRows.payments(db, orderNumber: number),
                decisions: try DecisionRows.forCard(id, db: db),
                lockedBy: try String.fetchOne(
                    db, sql: "SELECT user_name FROM card_locks WHERE card_id = ? AND until > ?",
                    arguments: [id, now.timeIntervalSince1970]),
                linked: try Row.fetchAll(
                    db,
                    sql: """
                        SELECT e.* FROM exceptions e WHERE e.id IN (
                          SELECT exception_id FROM card_links WHERE card_id = ?
                          UNION SELECT exception_id FROM cards WHERE joined_to = ?)
                        ORDER BY e.occurred_at, e.id
                        """, arguments: [id, id]
                ).map(ExceptionRows.record))
            context.candidateOrders = try Self.candidateOrders(of: card, db: db)
            return context
        }
    }

    /// The orders a suggestion offered, in its order (at most ten; ids that are not orders are left out).
    private static func candidateOrders(of card: StoredCard, db: Database) throws -> [Order] {
        try OrderRow.fetchAll(db, ids: ReviewPlanner.candidateOrderIDs(of: card))
    }

    /// The first stored order of those the card refers to.
    private static func order(for card: StoredCard, exception: ExceptionRecord, db: Database) throws -> Order? {
        for reference in try ReviewPlanner.orderReferences(of: card, exception: exception) {
            let order: Order? = switch reference {
            case .number(let number): try OrderRow.fetch(db, number: number)
            case .id(let id): try OrderRow.fetch(db, id: id)
            }
            if let order { return order }
        }
        return nil
    }

    /// Escalated cards still open, grouped by source and error reason, largest group first.
    public func openEscalations() async throws -> [EscalationGroup] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT e.source, COALESCE(e.reason, '') AS reason, COUNT(*) AS n, MAX(e.occurred_at) AS last,
                      group_concat(c.id) AS ids
                    FROM cards c JOIN exceptions e ON e.id = c.exception_id
                    WHERE c.decision_type = 'escalated' AND c.status IN ('open', 'awaiting_confirmation')
                    GROUP BY e.source, e.reason ORDER BY n DESC, last DESC
                    """
            ).map { row in
                let ids = ((row["ids"] as String?) ?? "").split(separator: ",").compactMap { Int64($0) }
                return EscalationGroup(
                    source: row["source"], reason: row["reason"], count: row["n"],
                    cardIDs: Array(ids.sorted(by: >).prefix(20)), lastSeen: Date(timeIntervalSince1970: row["last"]))
            }
        }
    }
}

extension AppDatabase {
    /// Reviewer decisions made at or after `since`, oldest first, with their card and exception (three queries).
    static func reviewedCards(_ db: Database, since: Date) throws -> [ReviewedCard] {
        let decisions = try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM decisions WHERE actor_kind = 'reviewer' AND decided_at >= ? ORDER BY decided_at, id
                """, arguments: [since.timeIntervalSince1970]
        ).map(DecisionRows.record)
        let cardIDs = Array(Set(decisions.map(\.cardID)))
        let cards = try SQLRequest<Row>("SELECT * FROM cards WHERE id IN \(cardIDs)").fetchAll(db).map(CardRows.card)
        let exceptionIDs = cards.map(\.card.exceptionID)
        let exceptions = try SQLRequest<Row>("SELECT * FROM exceptions WHERE id IN \(exceptionIDs)").fetchAll(db)
            .map(ExceptionRows.record)
        return ReviewedCard.join(decisions, cards: cards, exceptions: exceptions)
    }

    /// Stored exceptions without a card, oldest first.
    public func unroutedExceptions(limit: Int) async throws -> [ExceptionRecord] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT e.* FROM exceptions e WHERE NOT EXISTS (SELECT 1 FROM cards c WHERE c.exception_id = e.id)
                      AND NOT EXISTS (SELECT 1 FROM card_links l WHERE l.exception_id = e.id)
                    ORDER BY e.id LIMIT ?
                    """, arguments: [limit]
            ).map(ExceptionRows.record)
        }
    }
}

/// Reads decision rows.
enum DecisionRows {
    static func forCard(_ cardID: Int64, db: Database) throws -> [DecisionRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM decisions WHERE card_id = ? ORDER BY id", arguments: [cardID])
            .map(record)
    }

    static func record(_ row: Row) throws -> DecisionRecord {
        try DecisionRecord(
            columns: DecisionColumns(
                id: row["id"], cardID: row["card_id"], actor: row["actor"], actorKind: row["actor_kind"],
                action: row["action"], parameters: row["parameters"], editedFields: row["edited_fields"],
                suggestedAction: row["suggested_action"], reason: row["reason"], decidedAt: row["decided_at"],
                secondsToDecide: row["seconds_to_decide"], outcome: row["outcome"], batchID: row["batch_id"]))
    }
}
