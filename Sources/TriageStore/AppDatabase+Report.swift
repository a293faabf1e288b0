import Foundation
import GRDB
import TriageCore

extension AppDatabase {
    /// Ranks exception types in [from, to) by frequency × median handling time.
    public func exceptionReport(from: Date, to: Date) throws -> ExceptionReport {
        try writer.read { db in
            let weeks = max(to.timeIntervalSince(from) / (7 * 86_400), 1.0 / 7)
            let range: StatementArguments = [from.timeIntervalSince1970, to.timeIntervalSince1970]
            let minutes = try Row.fetchAll(
                db,
                sql: """
                    SELECT kind, handling_minutes FROM exceptions
                    WHERE occurred_at >= ? AND occurred_at < ? ORDER BY kind
                    """, arguments: range)
            var minutesByKind: [String: [Double]] = [:]
            for row in minutes { minutesByKind[row["kind"], default: []].append(row["handling_minutes"] ?? 0) }
            let cardRows = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.kind, c.decision_type, c.status, COUNT(*) AS n FROM exceptions e
                    JOIN cards c ON c.exception_id = e.id
                    WHERE e.occurred_at >= ? AND e.occurred_at < ? GROUP BY e.kind, c.decision_type, c.status
                    """, arguments: range)
            let total = minutesByKind.values.reduce(0) { $0 + $1.count }
            let rows = minutesByKind.compactMap { kindText, values -> KindReportRow? in
                guard let kind = ExceptionKind(rawValue: kindText) else { return nil }
                let cards = cardRows.filter { ($0["kind"] as String) == kindText }
                return row(kind: kind, minutes: values, cards: cards, total: total, weeks: weeks)
            }
            return ExceptionReport(from: from, to: to, total: total, rows: rows)
        }
    }

    /// The first and last `occurred_at` in the exception log.
    public func exceptionTimeSpan() throws -> (first: Date, last: Date)? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT MIN(occurred_at) AS a, MAX(occurred_at) AS b FROM exceptions"),
                let first: Double = row["a"], let last: Double = row["b"]
            else { return nil }
            return (Date(timeIntervalSince1970: first), Date(timeIntervalSince1970: last))
        }
    }

    private func row(kind: ExceptionKind, minutes: [Double], cards: [Row], total: Int, weeks: Double) -> KindReportRow {
        let median = Statistics.median(minutes) ?? 0
        var byDecision: [String: Int] = [:]
        var autoResolved = 0
        for card in cards {
            let count: Int = card["n"]
            byDecision[card["decision_type"], default: 0] += count
            if (card["status"] as String) == CardStatus.autoResolved.rawValue { autoResolved += count }
        }
        let decision = byDecision.max { ($0.value, $1.key) < ($1.value, $0.key) }.flatMap {
            DecisionType(rawValue: $0.key)
        }
        return KindReportRow(
            kind: kind, count: minutes.count, share: total == 0 ? 0 : Double(minutes.count) / Double(total),
            medianMinutes: median, hoursPerWeek: Double(minutes.count) / weeks * median / 60,
            decisionType: decision, autoResolvedShare: minutes.isEmpty ? 0 : Double(autoResolved) / Double(minutes.count))
    }
}
