import Foundation
import TriageCore

/// Asks the model to classify the claim and compares it with the patterns' reading.
///
/// The model's reading counts only when it is grounded: its quote of the problem must appear in the email. The
/// patterns decide whenever they found a problem; a grounded model reading then lowers confidence when it differs,
/// an ungrounded one is only noted. When no problem phrase was recognised, a grounded model classification may
/// state the problem, at most at medium confidence. (Measured: ungrounded readings from Gemma 3 270M flipped a
/// right `need_info` to `replace` and halved the high-confidence bucket; see BENCHMARKS.md.)
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
        ) { reply -> Result<(String, String, String), ReplyError> in
            guard let type = reply["claim_type"]?.text, Self.claimTypes.contains(type) else {
                return .failure(ReplyError("claim_type must be one of \(Self.claimTypes.joined(separator: ", "))"))
            }
            guard let ask = reply["asks"]?.text, Self.asks.contains(ask) else {
                return .failure(ReplyError("asks must be one of \(Self.asks.joined(separator: ", "))"))
            }
            return .success((type, ask, reply["quote"]?.text ?? ""))
        }
        let usage = outcome.usage
        guard let (type, ask, quote) = outcome.reply else {
            suggestion.record(usage, version: model.version(.warranty))
            return suggestion.modelInvalid(outcome.invalidReason)
        }
        let grounded = Self.isGrounded(quote, in: text)
        if !claim.problemStated, type != "unclear" {
            if grounded {
                claim.claimType = type
                if let redone = redecide(claim) { suggestion = redone }
                suggestion.confidence = min(suggestion.confidence, .medium)
                suggestion.notes.append("problem classified by the model as \(type) from “\(quote)”")
                suggestion.evidence.append(quote)
            } else {
                suggestion.notes.append("model read \(type) without quoting the email; the rules' answer stands")
            }
        } else {
            compare(claim, type: type, ask: ask, grounded: grounded, suggestion: &suggestion)
        }
        suggestion.record(usage, version: model.version(.warranty))
    }

    /// A quote of at least four letters that appears in the email (case and spacing folded).
    static func isGrounded(_ quote: String, in text: String) -> Bool {
        let fold = { (value: String) in
            value.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        let folded = fold(quote).trimmingCharacters(in: .punctuationCharacters)
        return folded.filter(\.isLetter).count >= 4 && fold(text).contains(folded)
    }

    private func compare(_ claim: WarrantyClaim, type: String, ask: String, grounded: Bool, suggestion: inout Suggestion) {
        var differences: [String] = []
        if type != "unclear", type != claim.claimType { differences.append("claim type \(type) (patterns: \(claim.claimType))") }
        if ask != "unclear", ask != claim.ask { differences.append("ask \(ask) (patterns: \(claim.ask))") }
        let reading = "model read " + differences.joined(separator: ", ")
        if differences.isEmpty {
            suggestion.notes.append("model agreed")
        } else if grounded {
            suggestion.modelDisagreed(reading + "; kept the rules' action")
        } else {
            suggestion.notes.append(reading + " without quoting the email; kept the rules' action")
        }
    }
}
