import Foundation
import TriageCore

/// A confusion matrix of one labelled key: expected value → predicted value → count.
public struct Confusion: Sendable, Hashable, Codable {
    /// Counts by expected, then predicted value ("none" for null).
    public var counts: [String: [String: Int]]

    /// Builds the matrix from the answered cases that label `key`.
    public init(_ results: [CaseResult], key: String) {
        var counts: [String: [String: Int]] = [:]
        for result in results {
            guard let expected = result.expected[key] else { continue }
            let predicted = result.prediction[key]?.text ?? "none"
            counts[expected.text ?? "none", default: [:]][predicted, default: 0] += 1
        }
        self.counts = counts
    }

    /// Every value seen as expected or predicted, sorted.
    public var labels: [String] {
        Set(counts.keys).union(counts.values.flatMap(\.keys)).sorted()
    }

    /// The mean F1 over the labels; nil when there are none.
    public var macroF1: Double? {
        let labels = self.labels
        guard !labels.isEmpty else { return nil }
        let scores = labels.map { label -> Double in
            let truePositive = Double(counts[label]?[label] ?? 0)
            let expected = Double(counts[label]?.values.reduce(0, +) ?? 0)
            let predicted = Double(counts.values.map { $0[label] ?? 0 }.reduce(0, +))
            return expected + predicted == 0 ? 0 : 2 * truePositive / (expected + predicted)
        }
        return scores.reduce(0, +) / Double(scores.count)
    }

    /// The matrix as table rows: the expected label, then the count per predicted label.
    public var rows: [[String]] {
        labels.map { expected in [expected] + labels.map { String(counts[expected]?[$0] ?? 0) } }
    }
}
