import Foundation
import TriageCore

/// What the model changed in one suite: the cases it was asked about, and every answer that differs from the
/// deterministic run's, split by whether the change made the case right or wrong. The measure behind keeping a
/// model step only where it gains on real data.
public struct ModelEffect: Sendable, Hashable {
    /// Cases in both runs.
    public var cases: Int
    /// Cases where the model was called (it used tokens).
    public var called: Int
    /// Cases whose prediction differs between the runs.
    public var changed: Int
    /// Changed from wrong to right.
    public var fixed: Int
    /// Changed from right to wrong.
    public var broke: Int
    /// Cases whose confidence differs between the runs.
    public var confidenceChanged: Int

    /// Right answers gained, net.
    public var net: Int { fixed - broke }

    /// Compares a suite's model run with its deterministic run, case by case; nil without both runs.
    public init?(_ suite: SuiteReport) {
        guard let model = suite.run(.model), let plain = suite.run(.noLLM) else { return nil }
        let plainByID = Dictionary(plain.cases.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var effect = (cases: 0, called: 0, changed: 0, fixed: 0, broke: 0, confidence: 0)
        for result in model.cases {
            guard let other = plainByID[result.id] else { continue }
            effect.cases += 1
            if result.promptTokens > 0 { effect.called += 1 }
            if result.confidence != other.confidence { effect.confidence += 1 }
            guard result.prediction != other.prediction || result.error != other.error else { continue }
            effect.changed += 1
            if result.correct, !other.correct { effect.fixed += 1 }
            if !result.correct, other.correct { effect.broke += 1 }
        }
        (cases, called, changed, fixed, broke, confidenceChanged) =
            (effect.cases, effect.called, effect.changed, effect.fixed, effect.broke, effect.confidence)
    }

    /// One line for the terminal report.
    public var summary: String {
        "model called on \(called) of \(cases) cases; changed \(changed) answers (\(fixed) wrong → right, "
            + "\(broke) right → wrong, net \(net >= 0 ? "+" : "")\(net)); changed the confidence of \(confidenceChanged)"
    }
}
