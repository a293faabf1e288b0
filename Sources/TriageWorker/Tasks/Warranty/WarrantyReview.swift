import Foundation
import TriageCore

/// Asks the model to classify the claim and compares it with the patterns' reading.
///
/// The patterns decide whenever they found a problem; the model's reading then only lowers confidence when it
/// differs. Only when no problem phrase was recognised may a definite model classification state the problem.
struct WarrantyReview: Sendable {
    let model: TaskModel

    static let claimTypes = ["defect", "accident", "misuse", "wear", "unclear"]
    static let asks = ["replace", "repair", "refund", "unclear"]

    func review(
        _ claim: inout WarrantyClaim, text: String, suggestion: inout Suggestion,
        redecide: (WarrantyClaim) -> Suggestion?
    ) async throws(ChatError) {
        let context: [String: Any] = ["text": PromptText.delimitable(text, limit: 900)]
        let outcome = try await model.ask(
            .warranty, context: context, enums: ["claim_type": Self.claimTypes, "asks": Self.asks]
        ) { reply -> Result<(String, String), ReplyError> in
            guard let type = reply["claim_type"]?.text, Self.claimTypes.contains(type) else {
                return .failure(ReplyError("claim_type must be one of \(Self.claimTypes.joined(separator: ", "))"))
            }
            guard let ask = reply["asks"]?.text, Self.asks.contains(ask) else {
                return .failure(ReplyError("asks must be one of \(Self.asks.joined(separator: ", "))"))
            }
            return .success((type, ask))
        }
        let usage = outcome.usage
        guard let (type, ask) = outcome.reply else {
            suggestion.record(usage, version: model.version(.warranty))
            return suggestion.modelInvalid(outcome.invalidReason)
        }
        if !claim.problemStated, type != "unclear" {
            claim.claimType = type
            if let redone = redecide(claim) { suggestion = redone }
            suggestion.notes.append("problem classified by the model as \(type)")
        } else {
            compare(claim, type: type, ask: ask, suggestion: &suggestion)
        }
        suggestion.record(usage, version: model.version(.warranty))
    }

    private func compare(_ claim: WarrantyClaim, type: String, ask: String, suggestion: inout Suggestion) {
        var differences: [String] = []
        if type != "unclear", type != claim.claimType { differences.append("claim type \(type) (patterns: \(claim.claimType))") }
        if ask != "unclear", ask != claim.ask { differences.append("ask \(ask) (patterns: \(claim.ask))") }
        if differences.isEmpty {
            suggestion.notes.append("model agreed")
        } else {
            suggestion.modelDisagreed("model read " + differences.joined(separator: ", ") + "; kept the rules' action")
        }
    }
}
