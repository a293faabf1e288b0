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

    /// The model's classification of the email, or why its reply was invalid; the usage is there either way.
    func read(_ text: String) async throws(ChatError) -> ModelOutcome<WarrantyReading> {
        let context: [String: Any] = ["text": PromptText.delimitable(text, limit: 900)]
        return try await model.ask(
            .warranty, context: context, enums: ["claim_type": Self.claimTypes, "asks": Self.asks]
        ) { reply -> Result<WarrantyReading, ReplyError> in
            guard let type = reply["claim_type"]?.text, Self.claimTypes.contains(type) else {
                return .failure(ReplyError("claim_type must be one of \(Self.claimTypes.joined(separator: ", "))"))
            }
            guard let ask = reply["asks"]?.text, Self.asks.contains(ask) else {
                return .failure(ReplyError("asks must be one of \(Self.asks.joined(separator: ", "))"))
            }
            let quote = reply["quote"]?.text ?? ""
            return .success(WarrantyReading(claimType: type, ask: ask, quote: quote, grounded: Self.isGrounded(quote, in: text)))
        }
    }

    /// The claim with the model's problem when the patterns found none and the reading is grounded: the rules
    /// then decide again on it. Nil when the rules' reading stands.
    static func restated(_ claim: WarrantyClaim, by reading: WarrantyReading) -> WarrantyClaim? {
        guard !claim.problemStated, reading.claimType != "unclear", reading.grounded else { return nil }
        var restated = claim
        restated.claimType = reading.claimType
        return restated
    }

    /// Marks a suggestion decided again on the model's grounded classification: at most medium confidence, with
    /// the quote as evidence.
    static func markRestated(_ suggestion: inout Suggestion, by reading: WarrantyReading) {
        suggestion.confidence = min(suggestion.confidence, .medium)
        suggestion.notes.append("problem classified by the model as \(reading.claimType) from “\(reading.quote)”")
        suggestion.evidence.append(reading.quote)
    }

    /// Notes how a reading that did not restate the problem compares with the patterns' reading.
    static func annotate(_ suggestion: inout Suggestion, claim: WarrantyClaim, by reading: WarrantyReading) {
        if !claim.problemStated, reading.claimType != "unclear" {
            suggestion.notes.append("model read \(reading.claimType) without quoting the email; the rules' answer stands")
        } else {
            compare(claim, reading: reading, suggestion: &suggestion)
        }
    }

    /// A quote of at least four letters that appears in the email (case and spacing folded).
    static func isGrounded(_ quote: String, in text: String) -> Bool {
        let fold = { (value: String) in
            value.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        let folded = fold(quote).trimmingCharacters(in: .punctuationCharacters)
        return folded.filter(\.isLetter).count >= 4 && fold(text).contains(folded)
    }

    private static func compare(_ claim: WarrantyClaim, reading: WarrantyReading, suggestion: inout Suggestion) {
        let type = reading.claimType
        let ask = reading.ask
        var differences: [String] = []
        if type != "unclear", type != claim.claimType { differences.append("claim type \(type) (patterns: \(claim.claimType))") }
        if ask != "unclear", ask != claim.ask { differences.append("ask \(ask) (patterns: \(claim.ask))") }
        let summary = "model read " + differences.joined(separator: ", ")
        if differences.isEmpty {
            suggestion.notes.append("model agreed")
        } else if reading.grounded {
            suggestion.modelDisagreed(summary + "; kept the rules' action")
        } else {
            suggestion.notes.append(summary + " without quoting the email; kept the rules' action")
        }
    }
}

/// What the model read in a warranty email, and whether its quote of the problem appears in the email.
struct WarrantyReading: Sendable {
    let claimType: String
    let ask: String
    let quote: String
    let grounded: Bool
}
