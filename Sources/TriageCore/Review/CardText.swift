import Foundation

/// A card as a terminal shows it: the same sections as the web card (the exception with its text, the suggestion,
/// evidence, candidates, notes and the rule that decided), in plain text for `triage cards show`.
public enum CardText {
    /// The readable card; `exception` adds the source text and payload when given, `joined` the later events about
    /// the same order and cause that joined the card.
    public static func render(
        _ stored: StoredCard, exception: ExceptionRecord?, joined: [ExceptionRecord] = [], decisions: [DecisionRecord] = []
    ) -> String {
        let card = stored.card
        var lines = ["card \(stored.id) · \(card.kind.rawValue) · \(card.decisionType.rawValue) · \(card.status.rawValue) · team \(card.team)"]
        lines.append(card.title)
        if !card.summary.isEmpty { lines.append(card.summary) }
        if let amount = card.amountAtStake { lines.append("at stake: \(amount)") }
        if !card.flags.isEmpty { lines.append("flags: " + card.flags.joined(separator: ", ")) }
        if let exception { lines += section("exception \(exception.id)", exceptionLines(exception)) }
        if !joined.isEmpty {
            lines += section("joined events (\(joined.count))", joined.map { record in
                let e = record.exception
                return "exception \(record.id) · \(e.source) event \(e.eventID) · \(e.reason ?? "no reason") · occurred \(ISODate.format(e.occurredAt))"
            })
        }
        if let suggestion = stored.suggestion { lines += suggestionLines(suggestion, stored: stored) }
        if let rule = card.rule {
            lines += section("rule", ["\(rule.ruleID) v\(rule.ruleVersion) · mode \(rule.mode.rawValue) · action \(rule.action)"])
        }
        if let plan = card.plan { lines += section("plan", planLines(plan)) }
        if !decisions.isEmpty { lines += section("decisions (\(decisions.count))", decisions.map(decisionLine)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Who decided what, when, and why: `2026-11-20T09:12:00Z · dana (reviewer) · reject · "duplicate"`.
    private static func decisionLine(_ decision: DecisionRecord) -> String {
        var line = "\(ISODate.format(decision.decidedAt)) · \(decision.actor) (\(decision.actorKind)) · \(decision.action)"
        if !decision.editedFields.isEmpty { line += " · edited \(decision.editedFields.joined(separator: ", "))" }
        if let reason = decision.reason, !reason.isEmpty { line += " · \"\(reason)\"" }
        if let outcome = decision.outcome, !outcome.isEmpty { line += " · \(outcome)" }
        return line
    }

    private static func exceptionLines(_ record: ExceptionRecord) -> [String] {
        let e = record.exception
        var lines = ["\(e.source) event \(e.eventID) · \(e.reason ?? "no reason") · occurred \(ISODate.format(e.occurredAt))"]
        if let order = e.orderNumber { lines.append("order \(order)") }
        if let text = e.text ?? e.payload["text"]?.text ?? e.payload["body"]?.text {
            lines += text.split(separator: "\n", omittingEmptySubsequences: false).map { "  │ " + $0 }
        }
        let fields = e.payload.filter { !["text", "body"].contains($0.key) }.sorted { $0.key < $1.key }
        lines += fields.map { "\($0.key): \(compact($0.value))" }
        return lines
    }

    private static func suggestionLines(_ suggestion: JSONValue, stored: StoredCard) -> [String] {
        let confidence = stored.confidence?.rawValue ?? suggestion["confidence"]?.text ?? "-"
        let by = stored.model.map { "\($0)" + (stored.promptVersion.map { ", prompt \($0.prefix(12))" } ?? "") } ?? "rules only"
        var lines = ["\(suggestion["action"]?.text ?? "-") · confidence \(confidence) · by \(by)"]
        let parameters = (suggestion["parameters"]?.object ?? [:]).filter { !$0.value.isNull }.sorted { $0.key < $1.key }
        lines += parameters.map { "\($0.key): \(compact($0.value))" }
        var result = section("suggestion", lines)
        let evidence = (suggestion["evidence"]?.array ?? []).compactMap(\.text)
        if !evidence.isEmpty { result += section("evidence", evidence.map { "“\($0)”" }) }
        let candidates = (suggestion["candidates"]?.array ?? []).map { candidate in
            let reasons = (candidate["reasons"]?.array ?? []).compactMap(\.text).joined(separator: "; ")
            return "\(candidate["label"]?.text ?? candidate["id"]?.text ?? "?") · score \(compact(candidate["score"] ?? .null))"
                + (reasons.isEmpty ? "" : "\n    " + reasons)
        }
        if !candidates.isEmpty { result += section("candidates", candidates) }
        let notes = (suggestion["notes"]?.array ?? []).compactMap(\.text)
        if !notes.isEmpty { result += section("notes", notes) }
        return result
    }

    private static func planLines(_ plan: ActionPlan) -> [String] {
        let parameters = plan.parameters.sorted { $0.key < $1.key }.map { "\($0.key) \(compact($0.value))" }
        let confirms = plan.messages.map { "\($0.targetSystem) (\($0.messageType))" }
        return ["\(plan.action): \(plan.summary)", "parameters: " + parameters.joined(separator: ", "),
                "\(plan.changes.count) state change(s); confirms to " + (confirms.isEmpty ? "nobody" : confirms.joined(separator: ", "))]
    }

    private static func section(_ title: String, _ body: [String]) -> [String] {
        ["", "── \(title)"] + body.map { "  " + $0 }
    }

    private static func compact(_ value: JSONValue) -> String {
        if let text = value.text { return text }
        do {
            return try JSONCoding.string(value)
        } catch {
            return "\(value)"
        }
    }
}
