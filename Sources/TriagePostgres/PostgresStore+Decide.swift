import Foundation
import TriageCore

extension PostgresStore: ReviewStore {
    /// Locks a card to `reviewer` until `until` (see `ReviewDecisions.lock`). The card's row is held while the lock
    /// is written, so two servers locking one card at once never both succeed.
    public func lockCard(id: Int64, reviewer: Reviewer, until: Date, now: Date) async throws -> Date {
        try await postgresTransaction { transaction in
            try ReviewDecisions.lock(cardID: id, reviewer: reviewer, until: until, now: now, in: transaction)
        }
    }

    /// Releases a reviewer's own lock (see `ReviewDecisions.unlock`).
    public func unlockCard(id: Int64, reviewer: Reviewer, now: Date) async throws {
        try await postgresTransaction { transaction in
            try ReviewDecisions.unlock(cardID: id, reviewer: reviewer, now: now, in: transaction)
        }
    }

    /// Plans, re-checks and executes a decision in one transaction (see `ReviewDecisions.decide`), holding the
    /// card's row, so a card decided on two servers at once is decided once and refused once. A stale plan's change
    /// to the card is committed before `ReviewError.stalePlan` is thrown.
    public func decide(
        _ request: ReviewRequest, by reviewer: Reviewer, planner: ReviewPlanner, now: Date
    ) async throws -> ReviewOutcome {
        try await postgresTransaction { transaction in
            try ReviewDecisions.decide(request, by: reviewer, planner: planner, now: now, in: transaction)
        }.get()
    }
}
