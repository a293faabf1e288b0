import Foundation
import GRDB
import TriageCore

extension AppDatabase {
    /// Turns a card whose plan no longer fits the data into a judgment card: the plan is kept in its details (not
    /// executed), the summary says what changed, and the card is flagged `stale_plan`.
    static func markStale(_ card: StoredCard, plan: ActionPlan, conflict: PlanConflict, now: Date, db: Database) throws {
        var details = card.card.details
        details["stale_plan"] = plan.jsonValue
        details["judgment_reason"] = .string(conflict.reason)
        let flags = card.card.flags.contains("stale_plan") ? card.card.flags : card.card.flags + ["stale_plan"]
        let summary = "Not executed: \(conflict.reason). The plan was: \(plan.summary). A person decides"
        try db.execute(
            sql: """
                UPDATE cards SET decision_type = 'judgment', status = 'open', plan = NULL, summary = ?, flags = ?,
                  details = ?, updated_at = ?
                WHERE id = ?
                """,
            arguments: [
                summary, JSONValue.array(flags.map(JSONValue.string)).serialized, JSONValue.object(details).serialized,
                now.timeIntervalSince1970, card.id,
            ])
    }
}
