import Foundation
import PostgresNIO
import TriageCore

extension PostgresStore: ExceptionLogReading {
    public func exceptionRecord(id: Int64) async throws -> ExceptionRecord? {
        try await timed("exceptionRecord") { [self] in
            try await client.query(
                "SELECT \(unescaped: PostgresExceptionRows.columns) FROM exceptions WHERE id = \(id)", logger: logger
            ).collect().first.map(PostgresExceptionRows.record)
        }
    }

    public func routedCard(exceptionID: Int64) async throws -> RoutedCard? {
        try await timed("routedCard") { [self] in
            let columns = PostgresReviewRows.cardColumns(of: "c")
            let rows = try await client.query(
                """
                SELECT \(unescaped: columns), FALSE FROM cards c WHERE c.exception_id = \(exceptionID)
                UNION ALL
                SELECT \(unescaped: columns), TRUE FROM card_links l JOIN cards c ON c.id = l.card_id
                WHERE l.exception_id = \(exceptionID)
                """, logger: logger
            ).collect()
            let cards = try rows.map { row in
                RoutedCard(
                    card: try PostgresReviewRows.card(row),
                    joined: try row.makeRandomAccess()[CardColumns.names.count].decode(Bool.self))
            }
            return cards.first { !$0.joined } ?? cards.first
        }
    }

    public func exceptionTimeSpan() async throws -> DateInterval? {
        try await timed("exceptionTimeSpan") { [self] in
            let row = try await client.query("SELECT MIN(occurred_at), MAX(occurred_at) FROM exceptions", logger: logger)
                .collect().first
            guard let (first, last) = try row?.decode((Double?, Double?).self), let first, let last else { return nil }
            return DateInterval(start: Date(timeIntervalSince1970: first), end: Date(timeIntervalSince1970: last))
        }
    }

    public func reportInputs(from: Date, to: Date) async throws -> ReportInputs {
        let (low, high) = (from.timeIntervalSince1970, to.timeIntervalSince1970)
        return try await timed("reportInputs") { [self] in
            var minutes: [String: [Double]] = [:]
            let rows = try await client.query(
                "SELECT kind, handling_minutes FROM exceptions WHERE occurred_at >= \(low) AND occurred_at < \(high)",
                logger: logger)
            for try await (kind, handling) in rows.decode((String, Double?).self) {
                minutes[kind, default: []].append(handling ?? 0)
            }
            let counts = try await client.query(
                """
                SELECT e.kind, c.decision_type, c.status, COUNT(*) FROM exceptions e JOIN cards c ON c.exception_id = e.id
                WHERE e.occurred_at >= \(low) AND e.occurred_at < \(high) GROUP BY e.kind, c.decision_type, c.status
                """, logger: logger
            ).collect().map { row in
                let (kind, decision, status, count) = try row.decode((String, String, String, Int64).self)
                return ReportInputs.CardCount(kind: kind, decisionType: decision, status: status, count: Int(count))
            }
            return ReportInputs(minutesByKind: minutes, cardCounts: counts)
        }
    }
}
