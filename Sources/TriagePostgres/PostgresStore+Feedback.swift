import Foundation
import PostgresNIO
import TriageCore

extension PostgresStore {
    /// Exceptions that occurred in `[from, to)`, their cards and every decision on those cards, and users' teams,
    /// read in one repeatable-read transaction so the parts agree.
    public func feedbackData(from: Date, to: Date) async throws -> FeedbackData {
        let (low, high) = (from.timeIntervalSince1970, to.timeIntervalSince1970)
        return try await timed("feedbackData") { [self] in
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
                func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
                    try await connection.query(query, logger: logger).collect()
                }
                let exceptions = try await rows(
                    """
                    SELECT id, kind, source, reason, occurred_at, handling_minutes FROM exceptions
                    WHERE occurred_at >= \(low) AND occurred_at < \(high) ORDER BY id
                    """
                ).map(PostgresFeedbackRows.exception)
                let cards = try await rows(
                    """
                    SELECT c.id, c.exception_id, c.decision_type, c.status, c.team, c.rule_id, c.rule_mode,
                      c.plan::jsonb ->> 'action', c.confidence, c.suggestion::jsonb ->> 'task',
                      c.suggestion::jsonb ->> 'action'
                    FROM cards c JOIN exceptions e ON e.id = c.exception_id
                    WHERE e.occurred_at >= \(low) AND e.occurred_at < \(high) ORDER BY c.id
                    """
                ).map(PostgresFeedbackRows.card)
                let decisions = try await rows(
                    """
                    SELECT d.card_id, d.actor, d.actor_kind, d.action, d.edited_fields, d.seconds_to_decide, d.decided_at
                    FROM decisions d JOIN cards c ON c.id = d.card_id JOIN exceptions e ON e.id = c.exception_id
                    WHERE e.occurred_at >= \(low) AND e.occurred_at < \(high) ORDER BY d.decided_at, d.id
                    """
                ).map(PostgresFeedbackRows.decision)
                let teams = try await rows("SELECT name, team FROM users WHERE team IS NOT NULL")
                    .map { try $0.decode((String, String).self) }
                let logStart = try await rows("SELECT MIN(occurred_at) FROM exceptions").first?.decode(Double?.self)
                return FeedbackData(
                    exceptions: exceptions, cards: cards, decisions: decisions,
                    teams: Dictionary(teams, uniquingKeysWith: { first, _ in first }),
                    logStart: logStart.map(Date.init(timeIntervalSince1970:)))
            }
        }
    }

    /// When the newest exception occurred: the default end of the review's week.
    public func latestExceptionDate() async throws -> Date? {
        try await timed("latestExceptionDate") { [self] in
            try await client.query("SELECT MAX(occurred_at) FROM exceptions", logger: logger).collect().first?
                .decode(Double?.self).map(Date.init(timeIntervalSince1970:))
        }
    }

    /// Stored exceptions without a card, oldest first.
    public func unroutedExceptions(limit: Int) async throws -> [ExceptionRecord] {
        try await timed("unroutedExceptions") { [self] in
            try await client.query(
                """
                SELECT \(unescaped: PostgresExceptionRows.columns(of: "e")) FROM exceptions e
                WHERE NOT EXISTS (SELECT 1 FROM cards c WHERE c.exception_id = e.id)
                  AND NOT EXISTS (SELECT 1 FROM card_links l WHERE l.exception_id = e.id)
                ORDER BY e.id LIMIT \(Int64(limit))
                """, logger: logger
            ).collect().map(PostgresExceptionRows.record)
        }
    }
}

/// Decodes the feedback query's rows, in the columns selected above.
enum PostgresFeedbackRows {
    static func exception(_ row: PostgresRow) throws -> FeedbackData.Exception {
        let (id, kind, source, reason, occurred, minutes) = try row.decode(
            (Int64, String, String, String?, Double, Double?).self)
        return FeedbackData.Exception(
            id: id, kind: ExceptionKind(rawValue: kind) ?? .integrationFailure, source: source, reason: reason,
            occurredAt: Date(timeIntervalSince1970: occurred), handlingMinutes: minutes)
    }

    static func card(_ row: PostgresRow) throws -> FeedbackData.Card {
        let (id, exceptionID, type, status, team, ruleID, mode, ruleAction, confidence, task, aiAction) = try row.decode(
            (Int64, Int64, String, String, String, String?, String?, String?, String?, String?, String?).self)
        return FeedbackData.Card(
            id: id, exceptionID: exceptionID, decisionType: DecisionType(rawValue: type) ?? .judgment,
            status: CardStatus(rawValue: status) ?? .open, team: team, ruleID: ruleID,
            ruleMode: mode.flatMap(RuleMode.init(rawValue:)), ruleAction: ruleAction,
            aiTask: task.flatMap(AITask.init(rawValue:)), aiAction: aiAction,
            confidence: confidence.flatMap(Confidence.init(rawValue:)))
    }

    static func decision(_ row: PostgresRow) throws -> FeedbackData.Decision {
        let (cardID, actor, kind, action, edited, seconds, decided) = try row.decode(
            (Int64, String, String, String, String, Double?, Double).self)
        return FeedbackData.Decision(
            cardID: cardID, actor: actor, actorKind: kind, action: action, edited: edited != "[]",
            secondsToDecide: seconds, decidedAt: Date(timeIntervalSince1970: decided))
    }
}
