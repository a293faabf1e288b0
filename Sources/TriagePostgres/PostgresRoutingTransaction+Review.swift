import Foundation
import PostgresNIO
import TriageCore

extension PostgresRoutingTransaction: ReviewTransaction {
    /// Locks the exceptions' rows (in id order), then reads which have a card: a statement after the lock wait sees
    /// what the transaction that held them committed.
    func holdUnrouted(_ records: [ExceptionRecord]) throws -> [ExceptionRecord] {
        let ids = records.map(\.id).sorted()
        try run("SELECT id FROM exceptions WHERE id = ANY(\(ids)) ORDER BY id FOR UPDATE")
        let routed = try Set(
            rows(
                """
                SELECT exception_id FROM cards WHERE exception_id = ANY(\(ids))
                UNION SELECT exception_id FROM card_links WHERE exception_id = ANY(\(ids))
                """
            ).map { try $0.decode(Int64.self) })
        let unrouted = records.filter { !routed.contains($0.id) }
        if state.buffering { for record in unrouted { state.stored[record.id] = record } }
        return unrouted
    }

    func cardForUpdate(id: Int64) throws -> StoredCard? {
        try rows("SELECT \(unescaped: PostgresReviewRows.cardColumns(of: "c")) FROM cards c WHERE c.id = \(id) FOR UPDATE")
            .first.map { try PostgresReviewRows.card($0) }
    }

    func liveLock(cardID: Int64, now: Date) throws -> CardLock? {
        try rows(
            "SELECT user_id, user_name FROM card_locks WHERE card_id = \(cardID) AND until > \(now.timeIntervalSince1970)"
        ).first.map { row in
            let (userID, name) = try row.decode((Int64, String).self)
            return CardLock(userID: userID, userName: name)
        }
    }

    func exceptionRecord(id: Int64) throws -> ExceptionRecord? {
        try rows("SELECT \(unescaped: PostgresExceptionRows.columns) FROM exceptions WHERE id = \(id)")
            .first.map(PostgresExceptionRows.record)
    }

    func saveLock(cardID: Int64, reviewer: Reviewer, until: Date, now: Date) throws {
        let (opened, ends) = (now.timeIntervalSince1970, until.timeIntervalSince1970)
        try run(
            """
            INSERT INTO card_locks (card_id, user_id, user_name, opened_at, until)
            VALUES (\(cardID), \(reviewer.id), \(reviewer.name), \(opened), \(ends))
            ON CONFLICT (card_id) DO UPDATE SET until = excluded.until,
              opened_at = CASE WHEN card_locks.user_id = excluded.user_id AND card_locks.until > \(opened)
                               THEN card_locks.opened_at ELSE excluded.opened_at END,
              user_id = excluded.user_id, user_name = excluded.user_name
            """)
    }

    func lockOpened(cardID: Int64, userID: Int64) throws -> Date? {
        try rows("SELECT opened_at FROM card_locks WHERE card_id = \(cardID) AND user_id = \(userID)")
            .first.map { Date(timeIntervalSince1970: try $0.decode(Double.self)) }
    }

    func deleteLock(cardID: Int64, userID: Int64?) throws {
        try run("DELETE FROM card_locks WHERE card_id = \(cardID) AND (\(userID)::bigint IS NULL OR user_id = \(userID))")
    }

    func insertDecision(_ decision: ReviewerDecisionRow) throws -> Int64 {
        let parameters = JSONValue.object(decision.parameters).serialized
        let edited = JSONValue.array(decision.editedFields.map(JSONValue.string)).serialized
        return try rows(
            """
            INSERT INTO decisions (card_id, actor, actor_kind, action, parameters, edited_fields, rule_id,
              rule_action, suggested_action, decided_at, seconds_to_decide, reason, batch_id)
            VALUES (\(decision.cardID), \(decision.actor), 'reviewer', \(decision.action), \(parameters), \(edited),
              \(decision.ruleID), \(decision.ruleAction), \(decision.suggestedAction),
              \(decision.decidedAt.timeIntervalSince1970), \(decision.secondsToDecide), \(decision.reason),
              \(decision.batchID))
            RETURNING id
            """
        )[0].decode(Int64.self)
    }

    func reopenAsJudgment(cardID: Int64, summary: String, flags: [String], details: [String: JSONValue], now: Date) throws {
        let (flagText, detailText) = (
            JSONValue.array(flags.map(JSONValue.string)).serialized, JSONValue.object(details).serialized
        )
        try run(
            """
            UPDATE cards SET decision_type = 'judgment', status = 'open', plan = NULL, summary = \(summary),
              flags = \(flagText), details = \(detailText), updated_at = \(now.timeIntervalSince1970)
            WHERE id = \(cardID)
            """)
    }

    func resolveCard(id: Int64, now: Date) throws {
        let time = now.timeIntervalSince1970
        try run("UPDATE cards SET status = 'resolved', resolved_at = \(time), updated_at = \(time) WHERE id = \(id)")
    }
}
