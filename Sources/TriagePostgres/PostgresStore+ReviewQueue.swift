import Foundation
import PostgresNIO
import TriageCore

extension PostgresStore {
    /// Open cards (open or awaiting confirmation), the preferred team first, then money at stake, then oldest: the
    /// SQLite store's query, with PostgreSQL's `ILIKE` for its case-blind `LIKE`.
    public func reviewQueue(_ filter: QueueFilter, now: Date) async throws -> [QueueItem] {
        try await timed("reviewQueue") { [self] in
            var query = QueryText()
            var conditions = ["c.status IN ('open', 'awaiting_confirmation')"]
            if let kind = filter.kind { conditions.append("c.kind = \(query.bind(kind.rawValue))") }
            if let type = filter.decisionType { conditions.append("c.decision_type = \(query.bind(type.rawValue))") }
            if let team = filter.team { conditions.append("c.team = \(query.bind(team))") }
            if let confidence = filter.confidence {
                conditions.append("c.confidence = \(query.bind(confidence.rawValue))")
            }
            if let (pattern, number, text) = filter.searchTerms {
                let like = query.bind(pattern)
                conditions.append(
                    """
                    (c.title ILIKE \(like) OR c.exception_id IN (
                      SELECT e.id FROM exceptions e WHERE e.order_number = \(query.bind(number))
                        OR e.event_id = \(query.bind(text)) OR e.text ILIKE \(like) OR e.payload ILIKE \(like)))
                    """)
            }
            if let hours = filter.minAgeHours {
                conditions.append("c.created_at <= \(query.bind(now.timeIntervalSince1970 - hours * 3600))")
            }
            if let rule = filter.rule { conditions.append("c.rule_id = \(query.bind(rule))") }
            let preferred = "(c.team = \(query.bind(filter.preferTeam ?? "")))::int"
            if let after = filter.after { conditions.append(Self.after(after, preferred: preferred, &query)) }
            let live = query.bind(now.timeIntervalSince1970)
            let sql = """
                SELECT \(PostgresReviewRows.cardColumns(of: "c")), CASE WHEN l.until > \(live) THEN l.user_name END,
                  (SELECT substr(e.text, 1, \(QueueItem.snippetLength)) FROM exceptions e WHERE e.id = c.exception_id)
                FROM cards c LEFT JOIN card_locks l ON l.card_id = c.id
                WHERE \(conditions.joined(separator: " AND "))
                ORDER BY \(preferred) DESC, COALESCE(c.amount_cents, 0) DESC, c.created_at, c.id
                LIMIT \(query.bind(Int64(max(filter.limit, 0))))
                """
            return try await client.query(query.query(sql), logger: logger).collect().map { row in
                let columns = row.makeRandomAccess()
                let lockedBy = try columns[CardColumns.names.count].decode(String?.self)
                let snippet = try columns[CardColumns.names.count + 1].decode(String?.self)
                return QueueItem(card: try PostgresReviewRows.card(row), lockedBy: lockedBy, snippet: snippet)
            }
        }
    }

    /// Cards of any status, newest first, as the SQLite store lists them.
    public func cards(statuses: [CardStatus], kind: ExceptionKind?, limit: Int) async throws -> [StoredCard] {
        try await timed("cards") { [self] in
            var query = QueryText()
            var conditions = ["TRUE"]
            if !statuses.isEmpty {
                conditions.append("c.status IN (" + statuses.map { query.bind($0.rawValue) }.joined(separator: ", ") + ")")
            }
            if let kind { conditions.append("c.kind = \(query.bind(kind.rawValue))") }
            let sql = """
                SELECT \(PostgresReviewRows.cardColumns(of: "c")) FROM cards c
                WHERE \(conditions.joined(separator: " AND ")) ORDER BY c.id DESC LIMIT \(query.bind(Int64(max(limit, 0))))
                """
            return try await client.query(query.query(sql), logger: logger).collect().map { try PostgresReviewRows.card($0) }
        }
    }

    /// Rows after `cursor` in the queue's order: team first (descending), amount (descending), age, id.
    private static func after(_ cursor: QueueCursor, preferred: String, _ query: inout QueryText) -> String {
        let amount = "COALESCE(c.amount_cents, 0)"
        let flag = query.bind(Int64(cursor.preferred ? 1 : 0))
        let (cents, created, id) = (
            query.bind(cursor.amountCents), query.bind(cursor.createdAt), query.bind(cursor.id)
        )
        return """
            (\(preferred) < \(flag) OR (\(preferred) = \(flag) AND (\(amount) < \(cents)
              OR (\(amount) = \(cents) AND (c.created_at > \(created)
                OR (c.created_at = \(created) AND c.id > \(id)))))))
            """
    }

    /// Open cards per exception kind.
    public func openCounts() async throws -> [ExceptionKind: Int] {
        try await timed("openCounts") { [self] in
            let rows = try await client.query(
                """
                SELECT kind, COUNT(*) FROM cards WHERE status IN ('open', 'awaiting_confirmation') GROUP BY kind
                """, logger: logger)
            var counts: [ExceptionKind: Int] = [:]
            for row in try await rows.collect() {
                let (kind, count) = try row.decode((String, Int64).self)
                if let kind = ExceptionKind(rawValue: kind) { counts[kind] = Int(count) }
            }
            return counts
        }
    }

    /// Gated cards awaiting confirmation per rule id (rule plans only: cards with an AI suggestion are left out).
    public func gatedCounts() async throws -> [String: Int] {
        try await timed("gatedCounts") { [self] in
            let rows = try await client.query(
                """
                SELECT rule_id, COUNT(*) FROM cards
                WHERE status = 'awaiting_confirmation' AND rule_id IS NOT NULL AND suggestion IS NULL GROUP BY rule_id
                """, logger: logger)
            return Dictionary(uniqueKeysWithValues: try await rows.collect().map { row in
                let (rule, count) = try row.decode((String, Int64).self)
                return (rule, Int(count))
            })
        }
    }

    /// Escalated cards still open, grouped by source and error reason, largest group first.
    public func openEscalations() async throws -> [EscalationGroup] {
        try await timed("openEscalations") { [self] in
            let rows = try await client.query(
                """
                SELECT e.source, COALESCE(e.reason, '') AS reason, COUNT(*) AS n, MAX(e.occurred_at) AS last,
                  (array_agg(c.id ORDER BY c.id DESC))[1:20]
                FROM cards c JOIN exceptions e ON e.id = c.exception_id
                WHERE c.decision_type = 'escalated' AND c.status IN ('open', 'awaiting_confirmation')
                GROUP BY e.source, COALESCE(e.reason, '') ORDER BY n DESC, last DESC
                """, logger: logger)
            return try await rows.collect().map { row in
                let (source, reason, count, last, ids) = try row.decode((String, String, Int64, Double, [Int64]).self)
                return EscalationGroup(
                    source: source, reason: reason, count: Int(count), cardIDs: ids,
                    lastSeen: Date(timeIntervalSince1970: last))
            }
        }
    }
}

/// SQL text built piece by piece, with its values bound as `$1`, `$2`, … in the order they were added.
struct QueryText {
    private var binds = PostgresBindings()

    /// Binds `value` and returns its placeholder.
    mutating func bind<T: PostgresNonThrowingEncodable>(_ value: T) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    /// The query: `sql` with the values bound so far.
    func query(_ sql: String) -> PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
}
