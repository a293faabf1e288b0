import Foundation
import TriageCore

/// Scores one case: a verdict for every labelled key, right only when all are.
public enum CaseScorer {
    /// The verdicts for the keys present in `expected`.
    public static func verdicts(
        task: AITask, expected: [String: JSONValue], prediction: [String: JSONValue]
    ) -> [String: FieldVerdict] {
        var verdicts: [String: FieldVerdict] = [:]
        for (key, value) in expected {
            verdicts[key] = FieldMatch.verdict(key, task: task, expected: value, predicted: prediction[key])
        }
        return verdicts
    }

    /// True when there is at least one verdict and every one is right.
    public static func allRight(_ verdicts: [String: FieldVerdict]) -> Bool {
        !verdicts.isEmpty && verdicts.values.allSatisfy(\.right)
    }
}
