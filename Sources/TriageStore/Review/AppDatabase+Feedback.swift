import Foundation
import GRDB
import TriageCore

extension AppDatabase {
    /// Exceptions that occurred in `[from, to)`, their cards and every decision on those cards, and users' teams.
    public func feedbackData(from: Date, to: Date) async throws -> FeedbackData {
        try await writer.read { db in
            let window: StatementArguments = [from.timeIntervalSince1970, to.timeIntervalSince1970]
            let exceptions = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, kind, source, reason, occurred_at, handling_minutes FROM exceptions
                    WHERE occurred_at >= ? AND occurred_at < ? ORDER BY id
                    """, arguments: window
            ).map(FeedbackRows.exception)
            let cards = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.exception_id, c.decision_type, c.status, c.team, c.rule_id, c.rule_mode,
                      json_extract(c.plan, '$.action') AS rule_action,
                      c.confidence, json_extract(c.suggestion, '$.task') AS ai_task,
                      json_extract(c.suggestion, '$.action') AS ai_action
                    FROM cards c JOIN exceptions e ON e.id = c.exception_id
                    WHERE e.occurred_at >= ? AND e.occurred_at < ? ORDER BY c.id
                    """, arguments: window
            ).map(FeedbackRows.card)
            let decisions = try Row.fetchAll(
                db,
                sql: """
                    SELECT d.card_id, d.actor, d.actor_kind, d.action, d.edited_fields, d.seconds_to_decide, d.decided_at
                    FROM decisions d JOIN cards c ON c.id = d.card_id JOIN exceptions e ON e.id = c.exception_id
                    WHERE e.occurred_at >= ? AND e.occurred_at < ? ORDER BY d.decided_at, d.id
                    """, arguments: window
            ).map(FeedbackRows.decision)
            let teams = try Row.fetchAll(db, sql: "SELECT name, team FROM users WHERE team IS NOT NULL")
            let logStart = try Double.fetchOne(db, sql: "SELECT MIN(occurred_at) FROM exceptions")
            return FeedbackData(
                exceptions: exceptions, cards: cards, decisions: decisions,
                teams: Dictionary(teams.map { ($0["name"] as String, $0["team"] as String) }, uniquingKeysWith: { a, _ in a }),
                logStart: logStart.map(Date.init(timeIntervalSince1970:)))
        }
    }

    /// When the newest exception occurred: the default end of the review's week.
    public func latestExceptionDate() async throws -> Date? {
        try await writer.read { db in
            try Double.fetchOne(db, sql: "SELECT MAX(occurred_at) FROM exceptions").map(Date.init(timeIntervalSince1970:))
        }
    }
}

/// Decodes the feedback query's rows.
enum FeedbackRows {
    static func exception(_ row: Row) -> FeedbackData.Exception {
        FeedbackData.Exception(
            id: row["id"], kind: ExceptionKind(rawValue: row["kind"]) ?? .integrationFailure, source: row["source"],
            reason: row["reason"], occurredAt: Date(timeIntervalSince1970: row["occurred_at"]),
            handlingMinutes: row["handling_minutes"])
    }

    static func card(_ row: Row) -> FeedbackData.Card {
        FeedbackData.Card(
            id: row["id"], exceptionID: row["exception_id"],
            decisionType: DecisionType(rawValue: row["decision_type"]) ?? .judgment,
            status: CardStatus(rawValue: row["status"]) ?? .open, team: row["team"], ruleID: row["rule_id"],
            ruleMode: (row["rule_mode"] as String?).flatMap(RuleMode.init(rawValue:)), ruleAction: row["rule_action"],
            aiTask: (row["ai_task"] as String?).flatMap(AITask.init(rawValue:)), aiAction: row["ai_action"],
            confidence: (row["confidence"] as String?).flatMap(Confidence.init(rawValue:)))
    }

    static func decision(_ row: Row) -> FeedbackData.Decision {
        let edited: String = row["edited_fields"]
        return FeedbackData.Decision(
            cardID: row["card_id"], actor: row["actor"], actorKind: row["actor_kind"], action: row["action"],
            edited: edited != "[]", secondsToDecide: row["seconds_to_decide"],
            decidedAt: Date(timeIntervalSince1970: row["decided_at"]))
    }
}
