import Foundation
import TriageCore

/// One case's outcome: what the pipeline answered, how each labelled field scored, and what it cost.
public struct CaseResult: Sendable, Hashable, Codable {
    /// The case id.
    public var id: String
    /// The case's tags.
    public var tags: [String]
    /// The labels (only these keys are scored).
    public var expected: [String: JSONValue]
    /// The answer read from the suggestion; empty when the case errored.
    public var prediction: [String: JSONValue]
    /// Per scored field: right or wrong.
    public var verdicts: [String: FieldVerdict]
    /// True when every scored field is right; false for an errored case.
    public var correct: Bool
    /// The suggestion's confidence.
    public var confidence: Confidence?
    /// The candidates offered (order ids, PO numbers), best first.
    public var candidates: [String]
    /// The suggestion's flags (`possible_injection`, `model_disagreed`, …).
    public var flags: [String]
    /// The model that answered, as the endpoint named it; nil when none was called.
    public var model: String?
    /// The prompt version sent; nil when none was.
    public var promptVersion: String?
    /// Prompt tokens spent on this case.
    public var promptTokens: Int
    /// Completion tokens spent on this case.
    public var completionTokens: Int
    /// Wall time of the whole case (context, model, validation), milliseconds.
    public var latencyMs: Double
    /// Why the case could not be answered (an endpoint error, a replay miss); nil when it was.
    public var error: String?
    /// The card's notes (what was checked and why), for reading a wrong answer in the JSON report; nil in reports
    /// written before they were kept.
    public var notes: [String]? = nil

    /// True when the case was answered (right or wrong), not errored.
    public var answered: Bool { error == nil }

    /// The case as the metrics score it: an errored case has every labelled field wrong (strict too).
    public var scored: CaseResult {
        guard !answered else { return self }
        var copy = self
        copy.correct = false
        for key in expected.keys where copy.verdicts[key] == nil {
            copy.verdicts[key] = FieldVerdict(right: false, strict: key == "supplier" ? false : nil)
        }
        return copy
    }
}

/// How one labelled field scored.
public struct FieldVerdict: Sendable, Hashable, Codable {
    /// Right under the contract's normalised comparison.
    public var right: Bool
    /// Right under the strict comparison, where the field has one (supplier names without the edit-distance allowance).
    public var strict: Bool?

    /// Creates a verdict.
    public init(right: Bool, strict: Bool? = nil) {
        self.right = right
        self.strict = strict
    }
}
