import Foundation

/// The reads and writes a reviewer's lock and decision make, inside one store transaction. Each store implements
/// these steps; ``ReviewDecisions`` runs them in the same order on every store.
public protocol ReviewTransaction: RoutingTransaction {
    /// The card, held against other writers until the transaction ends (PostgreSQL: `FOR UPDATE`, so two servers
    /// never both decide or lock it; SQLite's single writer holds it anyway).
    func cardForUpdate(id: Int64) throws -> StoredCard?
    /// The lock on a card that lasts past `now`, if any.
    func liveLock(cardID: Int64, now: Date) throws -> CardLock?
    /// A stored exception.
    func exceptionRecord(id: Int64) throws -> ExceptionRecord?
    /// Locks a card to `reviewer` until `until`, keeping the open time while the same reviewer holds it.
    func saveLock(cardID: Int64, reviewer: Reviewer, until: Date, now: Date) throws
    /// When `userID` opened the card under their lock, if they hold one (live or not).
    func lockOpened(cardID: Int64, userID: Int64) throws -> Date?
    /// Removes a card's lock: `userID`'s only, or anyone's when nil.
    func deleteLock(cardID: Int64, userID: Int64?) throws
    /// Records a reviewer's decision; returns its id.
    func insertDecision(_ decision: ReviewerDecisionRow) throws -> Int64
    /// Turns the card back into an open judgment card with this summary, flags and details, and no plan.
    func reopenAsJudgment(cardID: Int64, summary: String, flags: [String], details: [String: JSONValue], now: Date) throws
    /// Marks the card resolved.
    func resolveCard(id: Int64, now: Date) throws
}

/// A card's lock.
public struct CardLock: Sendable, Hashable {
    /// The holder.
    public var userID: Int64
    /// The holder's name.
    public var userName: String

    /// A lock held by this user.
    public init(userID: Int64, userName: String) {
        (self.userID, self.userName) = (userID, userName)
    }
}

/// A reviewer's decision as a row.
public struct ReviewerDecisionRow: Sendable {
    public var cardID: Int64
    public var actor: String
    public var action: String
    public var parameters: [String: JSONValue]
    public var editedFields: [String]
    public var ruleID: String?
    public var ruleAction: String?
    public var suggestedAction: String?
    public var decidedAt: Date
    public var secondsToDecide: Double?
    public var reason: String?
    public var batchID: String?
}

/// Locking and deciding cards: the same steps on every store, in one store transaction each.
public enum ReviewDecisions {
    /// Locks a card to `reviewer` until `until`; refused while another reviewer's lock lasts or when the card has
    /// nothing left to decide. Returns when the lock ends.
    public static func lock(
        cardID: Int64, reviewer: Reviewer, until: Date, now: Date, in transaction: any ReviewTransaction
    ) throws -> Date {
        _ = try decidableCard(id: cardID, reviewer: reviewer, now: now, in: transaction)
        try transaction.saveLock(cardID: cardID, reviewer: reviewer, until: until, now: now)
        return until
    }

    /// Releases a reviewer's own lock; another reviewer's live lock is refused with `ReviewError.notLockHolder`.
    public static func unlock(cardID: Int64, reviewer: Reviewer, now: Date, in transaction: any ReviewTransaction) throws {
        _ = try transaction.cardForUpdate(id: cardID)
        if let lock = try transaction.liveLock(cardID: cardID, now: now), lock.userID != reviewer.id {
            throw ReviewError.notLockHolder(lock.userName)
        }
        try transaction.deleteLock(cardID: cardID, userID: reviewer.id)
    }

    /// Plans, re-checks and executes a decision: decision row, state changes, outbox messages, card resolved, lock
    /// released. A card decided twice, or held by someone else, is refused with a `ReviewError`. The plan is
    /// re-checked against the data as it is now (`PlanGuard`): an accepted plan that no longer fits executes nothing
    /// and turns the card into a judgment card saying what changed (returned as `.stalePlan`, so the store commits
    /// that change and then reports it); an edit that does not fit is refused naming the parameter.
    public static func decide(
        _ request: ReviewRequest, by reviewer: Reviewer, planner: ReviewPlanner, now: Date,
        in transaction: any ReviewTransaction
    ) throws -> Result<ReviewOutcome, ReviewError> {
        let card = try decidableCard(id: request.cardID, reviewer: reviewer, now: now, in: transaction)
        guard let record = try transaction.exceptionRecord(id: card.card.exceptionID) else {
            throw ReviewError.cardNotFound(request.cardID)
        }
        let planned = try planner.plan(request, card: card, record: record)
        if let plan = planned.plan {
            try transaction.reserveOrders(Set(plan.changes.compactMap(\.orderNumber)))
            if let conflict = try PlanGuard(facts: transaction).conflict(with: plan) {
                guard request.verdict == .accept else {
                    throw ReviewError.invalid("parameters.\(conflict.field): \(conflict.reason)")
                }
                try markStale(card, plan: plan, conflict: conflict, now: now, in: transaction)
                return .failure(.stalePlan(conflict.reason))
            }
            try transaction.execute(plan, exceptionID: card.card.exceptionID, at: now)
        }
        let opened = try transaction.lockOpened(cardID: card.id, userID: reviewer.id)
        let decisionID = try transaction.insertDecision(
            ReviewerDecisionRow(
                cardID: card.id, actor: reviewer.name, action: planned.action, parameters: planned.parameters,
                editedFields: planned.editedFields, ruleID: card.card.rule?.ruleID, ruleAction: card.card.rule?.action,
                suggestedAction: planned.suggestedAction, decidedAt: now,
                secondsToDecide: opened.map { now.timeIntervalSince($0) },
                reason: request.reason?.trimmingCharacters(in: .whitespacesAndNewlines), batchID: request.batchID))
        try transaction.resolveCard(id: card.id, now: now)
        try transaction.deleteLock(cardID: card.id, userID: nil)
        return .success(
            ReviewOutcome(
                cardID: card.id, decisionID: decisionID, action: planned.action, parameters: planned.parameters,
                editedFields: planned.editedFields, outboxMessages: planned.plan?.messages.count ?? 0))
    }

    /// The card, if it exists, is the reviewer's team's, is open for a decision, and no other reviewer's lock is live.
    private static func decidableCard(
        id: Int64, reviewer: Reviewer, now: Date, in transaction: any ReviewTransaction
    ) throws -> StoredCard {
        guard let card = try transaction.cardForUpdate(id: id) else { throw ReviewError.cardNotFound(id) }
        if let refusal = TeamScope.refusal(of: reviewer, for: card.card) { throw refusal }
        guard card.card.status.awaitsDecision else { throw ReviewError.notDecidable(card.card.status) }
        if let lock = try transaction.liveLock(cardID: id, now: now), lock.userID != reviewer.id {
            throw ReviewError.lockedBy(lock.userName)
        }
        return card
    }

    /// Turns a card whose plan no longer fits the data into a judgment card: the plan is kept in its details (not
    /// executed), the summary says what changed, and the card is flagged `stale_plan`.
    private static func markStale(
        _ card: StoredCard, plan: ActionPlan, conflict: PlanConflict, now: Date, in transaction: any ReviewTransaction
    ) throws {
        var details = card.card.details
        details["stale_plan"] = plan.jsonValue
        details["judgment_reason"] = .string(conflict.reason)
        let flags = card.card.flags.contains("stale_plan") ? card.card.flags : card.card.flags + ["stale_plan"]
        try transaction.reopenAsJudgment(
            cardID: card.id, summary: "Not executed: \(conflict.reason). The plan was: \(plan.summary). A person decides",
            flags: flags, details: details, now: now)
    }
}
