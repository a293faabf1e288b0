import Foundation
import TriageCore

/// Turns reviewer decisions on AI cards into suite cases: the reviewer's final decision is `expected`, the exception
/// as its source sent it is `input`, and `provenance` says which card, who and when.
public enum HarvestedCases {
    /// Why a decision did not become a case.
    public enum Skip: String, Sendable, Hashable, CaseIterable {
        case notAnAICard = "not an AI card"
        case rejected = "rejected without a corrected answer"
        case invalid = "does not make a valid case"
        case unreadable = "its stored suggestion cannot be read"
    }

    /// The case for one reviewed card, or why there is none.
    public static func evalCase(_ reviewed: ReviewedCard) -> Result<EvalCase, SkipReason> {
        let stored: Suggestion?
        do { stored = try ReviewPlanner.suggestion(of: reviewed.card) } catch {
            return .failure(SkipReason(.unreadable, detail: error.description))
        }
        guard let suggestion = stored else { return .failure(SkipReason(.notAnAICard)) }
        let task = suggestion.task
        let decision = reviewed.decision
        guard decision.action != "reject" else { return .failure(SkipReason(.rejected)) }
        var expected = Prediction.from(
            Suggestion(task: task, action: decision.action, parameters: decision.parameters, confidence: .low), task: task)
        if task == .returnMatch {
            expected = ["order_id": decision.action == "no_match" ? .null : expected["order_id"] ?? .null]
        }
        let input = self.input(reviewed.exception, task: task)
        do {
            try CaseValidator(task: task).check(input: input, expected: expected)
        } catch {
            return .failure(SkipReason(.invalid, detail: "\(error.field): \(error.message)"))
        }
        var entry = EvalCase(
            id: "harvest-card-\(reviewed.card.id)", task: task, input: input, expected: expected,
            tags: ["harvested", decision.editedFields.isEmpty ? "accepted" : "edited"])
        entry.provenance = [
            "card_id": .number(Double(reviewed.card.id)), "decision_id": .number(Double(decision.id)),
            "reviewer": .string(decision.actor), "decided_at": .string(ISODate.format(decision.decidedAt)),
            "suggested_action": suggestion.action.map(JSONValue.string) ?? .null,
        ]
        return .success(entry)
    }

    /// The case input a source would have sent, with `received_at` from the exception when the payload has none.
    static func input(_ record: ExceptionRecord, task: AITask) -> [String: JSONValue] {
        var input = CaseRecord.input(from: record.exception, task: task)
        if input["received_at"] == nil { input["received_at"] = .string(ISODate.format(record.exception.occurredAt)) }
        return input
    }

    /// A skip with its detail.
    public struct SkipReason: Error, Sendable, Hashable {
        /// The kind of skip.
        public var kind: Skip
        /// What exactly, for `invalid`.
        public var detail: String?

        init(_ kind: Skip, detail: String? = nil) {
            self.kind = kind
            self.detail = detail
        }
    }
}
