import Foundation
import GRDB
import TriageCore

extension AppDatabase: ExceptionLogReading {
    public func exceptionRecord(id: Int64) async throws -> ExceptionRecord? {
        try await writer.read { db in try ExceptionRows.fetch(db, id: id) }
    }

    public func routedCard(exceptionID: Int64) async throws -> RoutedCard? {
        try await writer.read { db in
            if let own = try Row.fetchOne(db, sql: "SELECT * FROM cards WHERE exception_id = ?", arguments: [exceptionID]) {
                return RoutedCard(card: try CardRows.card(own), joined: false)
            }
            let joined = try Row.fetchOne(
                db, sql: "SELECT c.* FROM card_links l JOIN cards c ON c.id = l.card_id WHERE l.exception_id = ?",
                arguments: [exceptionID])
            return try joined.map { RoutedCard(card: try CardRows.card($0), joined: true) }
        }
    }

    public func exceptionTimeSpan() async throws -> DateInterval? {
        try await writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT MIN(occurred_at) AS a, MAX(occurred_at) AS b FROM exceptions"),
                let first: Double = row["a"], let last: Double = row["b"]
            else { return nil }
            return DateInterval(start: Date(timeIntervalSince1970: first), end: Date(timeIntervalSince1970: last))
        }
    }

    public func reportInputs(from: Date, to: Date) async throws -> ReportInputs {
        try await writer.read { db in
            let range: StatementArguments = [from.timeIntervalSince1970, to.timeIntervalSince1970]
            var minutes: [String: [Double]] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT kind, handling_minutes FROM exceptions WHERE occurred_at >= ? AND occurred_at < ?",
                arguments: range)
            while let row = try rows.next() { minutes[row["kind"], default: []].append(row["handling_minutes"] ?? 0) }
            let counts = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.kind, c.decision_type, c.status, COUNT(*) AS n FROM exceptions e
                    JOIN cards c ON c.exception_id = e.id
                    WHERE e.occurred_at >= ? AND e.occurred_at < ? GROUP BY e.kind, c.decision_type, c.status
                    """, arguments: range
            ).map { row in
                ReportInputs.CardCount(
                    kind: row["kind"], decisionType: row["decision_type"], status: row["status"], count: row["n"])
            }
            return ReportInputs(minutesByKind: minutes, cardCounts: counts)
        }
    }
}
