import Foundation
import GRDB
import TriageCore

extension AppDatabase: ReviewStore {
    /// Locks a card to `reviewer` until `until` (see `ReviewDecisions.lock`).
    public func lockCard(id: Int64, reviewer: Reviewer, until: Date, now: Date) async throws -> Date {
        try await writer.write { db in
            try ReviewDecisions.lock(cardID: id, reviewer: reviewer, until: until, now: now, in: StoreTransaction(db: db))
        }
    }

    /// Releases a reviewer's own lock (see `ReviewDecisions.unlock`).
    public func unlockCard(id: Int64, reviewer: Reviewer, now: Date) async throws {
        try await writer.write { db in
            try ReviewDecisions.unlock(cardID: id, reviewer: reviewer, now: now, in: StoreTransaction(db: db))
        }
    }

    /// Plans, re-checks and executes a decision in one transaction (see `ReviewDecisions.decide`). A stale plan's
    /// change to the card is committed before `ReviewError.stalePlan` is thrown.
    public func decide(
        _ request: ReviewRequest, by reviewer: Reviewer, planner: ReviewPlanner, now: Date
    ) async throws -> ReviewOutcome {
        try await writer.write { db in
            try ReviewDecisions.decide(request, by: reviewer, planner: planner, now: now, in: StoreTransaction(db: db))
        }.get()
    }
}

extension StoreTransaction: ReviewTransaction {
    func cardForUpdate(id: Int64) throws -> StoredCard? {
        try Row.fetchOne(db, sql: "SELECT * FROM cards WHERE id = ?", arguments: [id]).map(CardRows.card)
    }

    func liveLock(cardID: Int64, now: Date) throws -> CardLock? {
        try Row.fetchOne(
            db, sql: "SELECT user_id, user_name FROM card_locks WHERE card_id = ? AND until > ?",
            arguments: [cardID, now.timeIntervalSince1970]
        ).map { CardLock(userID: $0["user_id"], userName: $0["user_name"]) }
    }

    func exceptionRecord(id: Int64) throws -> ExceptionRecord? {
        try ExceptionRows.fetch(db, id: id)
    }

    func saveLock(cardID: Int64, reviewer: Reviewer, until: Date, now: Date) throws {
        try db.execute(
            sql: """
                INSERT INTO card_locks (card_id, user_id, user_name, opened_at, until) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (card_id) DO UPDATE SET until = excluded.until,
                  opened_at = CASE WHEN card_locks.user_id = excluded.user_id AND card_locks.until > ?
                                   THEN card_locks.opened_at ELSE excluded.opened_at END,
                  user_id = excluded.user_id, user_name = excluded.user_name
                """,
            arguments: [cardID, reviewer.id, reviewer.name, now.timeIntervalSince1970, until.timeIntervalSince1970,
                        now.timeIntervalSince1970])
    }

    func lockOpened(cardID: Int64, userID: Int64) throws -> Date? {
        try Double.fetchOne(
            db, sql: "SELECT opened_at FROM card_locks WHERE card_id = ? AND user_id = ?", arguments: [cardID, userID]
        ).map(Date.init(timeIntervalSince1970:))
    }

    func deleteLock(cardID: Int64, userID: Int64?) throws {
        try db.execute(
            sql: "DELETE FROM card_locks WHERE card_id = ? AND (? IS NULL OR user_id = ?)",
            arguments: [cardID, userID, userID])
    }

    func insertDecision(_ decision: ReviewerDecisionRow) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO decisions (card_id, actor, actor_kind, action, parameters, edited_fields, rule_id,
                  rule_action, suggested_action, decided_at, seconds_to_decide, reason, batch_id)
                VALUES (?, ?, 'reviewer', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                decision.cardID, decision.actor, decision.action, JSONValue.object(decision.parameters).serialized,
                JSONValue.array(decision.editedFields.map(JSONValue.string)).serialized, decision.ruleID,
                decision.ruleAction, decision.suggestedAction, decision.decidedAt.timeIntervalSince1970,
                decision.secondsToDecide, decision.reason, decision.batchID,
            ])
        return db.lastInsertedRowID
    }

    func reopenAsJudgment(cardID: Int64, summary: String, flags: [String], details: [String: JSONValue], now: Date) throws {
        try db.execute(
            sql: """
                UPDATE cards SET decision_type = 'judgment', status = 'open', plan = NULL, summary = ?, flags = ?,
                  details = ?, updated_at = ?
                WHERE id = ?
                """,
            arguments: [
                summary, JSONValue.array(flags.map(JSONValue.string)).serialized, JSONValue.object(details).serialized,
                now.timeIntervalSince1970, cardID,
            ])
    }

    func resolveCard(id: Int64, now: Date) throws {
        try db.execute(
            sql: "UPDATE cards SET status = 'resolved', resolved_at = ?, updated_at = ? WHERE id = ?",
            arguments: [now.timeIntervalSince1970, now.timeIntervalSince1970, id])
    }
}
