import Foundation
import GRDB
import TriageCore

extension AppDatabase: ReviewStore {
    /// Locks a card to `reviewer` until `until` (the open time is kept while they hold it); refused while another
    /// reviewer's lock lasts or when the card has nothing left to decide. Returns when the lock ends.
    public func lockCard(id: Int64, reviewer: Reviewer, until: Date, now: Date) async throws -> Date {
        try await writer.write { db in
            _ = try Self.decidableCard(id: id, reviewer: reviewer, now: now, db: db)
            try db.execute(
                sql: """
                    INSERT INTO card_locks (card_id, user_id, user_name, opened_at, until) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (card_id) DO UPDATE SET until = excluded.until,
                      opened_at = CASE WHEN card_locks.user_id = excluded.user_id AND card_locks.until > ?
                                       THEN card_locks.opened_at ELSE excluded.opened_at END,
                      user_id = excluded.user_id, user_name = excluded.user_name
                    """,
                arguments: [id, reviewer.id, reviewer.name, now.timeIntervalSince1970, until.timeIntervalSince1970,
                            now.timeIntervalSince1970])
            return until
        }
    }

    /// Releases a reviewer's own lock; another reviewer's live lock is refused with `ReviewError.notLockHolder`.
    public func unlockCard(id: Int64, reviewer: Reviewer, now: Date) async throws {
        try await writer.write { db in
            if let holder = try String.fetchOne(
                db, sql: "SELECT user_name FROM card_locks WHERE card_id = ? AND user_id != ? AND until > ?",
                arguments: [id, reviewer.id, now.timeIntervalSince1970])
            {
                throw ReviewError.notLockHolder(holder)
            }
            try db.execute(sql: "DELETE FROM card_locks WHERE card_id = ? AND user_id = ?", arguments: [id, reviewer.id])
        }
    }

    /// Plans, re-checks and executes a decision in one transaction: decision row, state changes, outbox messages,
    /// card resolved, lock released. A card decided twice, or held by someone else, is refused with a `ReviewError`.
    /// The plan is re-checked against the data as it is now (`PlanGuard`): an accepted plan that no longer fits
    /// executes nothing and turns the card into a judgment card saying what changed (`ReviewError.stalePlan`, after
    /// that change is committed); an edit that does not fit is refused naming the parameter.
    public func decide(
        _ request: ReviewRequest, by reviewer: Reviewer, planner: ReviewPlanner, now: Date
    ) async throws -> ReviewOutcome {
        let result: Result<ReviewOutcome, ReviewError> = try await writer.write { db in
            let card = try Self.decidableCard(id: request.cardID, reviewer: reviewer, now: now, db: db)
            guard let record = try ExceptionRows.fetch(db, id: card.card.exceptionID) else {
                throw ReviewError.cardNotFound(request.cardID)
            }
            let planned = try planner.plan(request, card: card, record: record)
            if let plan = planned.plan {
                let transaction = StoreTransaction(db: db)
                if let conflict = try PlanGuard(facts: transaction).conflict(with: plan) {
                    guard request.verdict == .accept else {
                        throw ReviewError.invalid("parameters.\(conflict.field): \(conflict.reason)")
                    }
                    try Self.markStale(card, plan: plan, conflict: conflict, now: now, db: db)
                    return .failure(.stalePlan(conflict.reason))
                }
                try transaction.execute(plan, exceptionID: card.card.exceptionID, at: now)
            }
            let opened = try Double.fetchOne(
                db, sql: "SELECT opened_at FROM card_locks WHERE card_id = ? AND user_id = ?",
                arguments: [card.id, reviewer.id])
            let decisionID = try Self.insertDecision(planned, request: request, card: card, reviewer: reviewer,
                                                     seconds: opened.map { now.timeIntervalSince1970 - $0 }, now: now, db: db)
            try db.execute(
                sql: "UPDATE cards SET status = 'resolved', resolved_at = ?, updated_at = ? WHERE id = ?",
                arguments: [now.timeIntervalSince1970, now.timeIntervalSince1970, card.id])
            try db.execute(sql: "DELETE FROM card_locks WHERE card_id = ?", arguments: [card.id])
            return .success(
                ReviewOutcome(
                    cardID: card.id, decisionID: decisionID, action: planned.action, parameters: planned.parameters,
                    editedFields: planned.editedFields, outboxMessages: planned.plan?.messages.count ?? 0))
        }
        return try result.get()
    }

    /// The card, if it exists, is open for a decision, and no other reviewer's lock is live.
    private static func decidableCard(id: Int64, reviewer: Reviewer, now: Date, db: Database) throws -> StoredCard {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM cards WHERE id = ?", arguments: [id]) else {
            throw ReviewError.cardNotFound(id)
        }
        let card = try CardRows.card(row)
        guard card.card.status.awaitsDecision else {
            throw ReviewError.notDecidable(card.card.status)
        }
        if let lock = try Row.fetchOne(
            db, sql: "SELECT user_id, user_name FROM card_locks WHERE card_id = ? AND until > ?",
            arguments: [id, now.timeIntervalSince1970]), (lock["user_id"] as Int64) != reviewer.id
        {
            throw ReviewError.lockedBy(lock["user_name"])
        }
        return card
    }

    private static func insertDecision(
        _ planned: ReviewPlanner.Planned, request: ReviewRequest, card: StoredCard, reviewer: Reviewer,
        seconds: Double?, now: Date, db: Database
    ) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO decisions (card_id, actor, actor_kind, action, parameters, edited_fields, rule_id,
                  rule_action, suggested_action, decided_at, seconds_to_decide, reason, batch_id)
                VALUES (?, ?, 'reviewer', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                card.id, reviewer.name, planned.action, JSONValue.object(planned.parameters).serialized,
                JSONValue.array(planned.editedFields.map(JSONValue.string)).serialized, card.card.rule?.ruleID,
                card.card.rule?.action, planned.suggestedAction, now.timeIntervalSince1970, seconds,
                request.reason?.trimmingCharacters(in: .whitespacesAndNewlines), request.batchID,
            ])
        return db.lastInsertedRowID
    }
}
