import Foundation
import GRDB
import TriageCore

/// Writes cards; the exception id is unique, so a second card for one exception is never written.
struct CardWriter {
    let db: Database

    func insert(_ card: NewCard) throws -> Int64 {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO cards (exception_id, kind, decision_type, status, team, title, summary,
                  rule_id, rule_version, rule_mode, rule_action, plan, amount_cents, flags, details,
                  created_at, updated_at, resolved_at, order_number)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (exception_id) DO NOTHING
                """)
        let created = card.createdAt.timeIntervalSince1970
        let resolved: Double? = card.status == .autoResolved ? created : nil
        var arguments: StatementArguments = [
            card.exceptionID, card.kind.rawValue, card.decisionType.rawValue, card.status.rawValue, card.team,
            card.title, card.summary, card.rule?.ruleID, card.rule?.ruleVersion, card.rule?.mode.rawValue,
            card.rule?.action,
        ]
        arguments += [
            card.plan?.jsonValue.serialized, card.amountAtStake?.cents,
            card.flags.isEmpty ? "[]" : JSONValue.array(card.flags.map(JSONValue.string)).serialized,
            JSONValue.object(card.details).serialized,
            created, created, resolved, card.details["order_number"]?.text,
        ]
        try statement.execute(arguments: arguments)
        guard db.changesCount > 0 else {
            return try Int64.fetchOne(
                db, sql: "SELECT id FROM cards WHERE exception_id = ?", arguments: [card.exceptionID]) ?? 0
        }
        let cardID = db.lastInsertedRowID
        if card.status == .autoResolved, let rule = card.rule, let plan = card.plan {
            try recordRuleDecision(cardID: cardID, rule: rule, plan: plan, at: created)
        }
        return cardID
    }

    /// An auto rule's execution is a decision like a reviewer's: the feedback loop counts it.
    private func recordRuleDecision(cardID: Int64, rule: RuleOutcome, plan: ActionPlan, at time: Double) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO decisions (card_id, actor, actor_kind, action, parameters, edited_fields,
                  rule_id, rule_action, decided_at, seconds_to_decide)
                VALUES (?, ?, 'rule', ?, ?, '[]', ?, ?, ?, 0)
                """)
        try statement.execute(arguments: [
            cardID, "rule:\(rule.ruleID)@\(rule.ruleVersion)", plan.action, JSONValue.object(plan.parameters).serialized,
            rule.ruleID,
            rule.action, time,
        ])
    }

}
