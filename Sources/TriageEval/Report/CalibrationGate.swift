import Foundation

/// The calibration target: on every suite run with high-confidence cases, at least `minimum` percent of them right.
///
/// A reviewer skims a high-confidence card; this is what makes that safe. `eval run --gate-calibration` exits 1
/// on a violation and names the suite.
public struct CalibrationGate: Sendable, Hashable {
    /// The default target, in percent: the nominal probability of "high" in ``Calibration``.
    public static let defaultMinimum = 95.0

    /// One run below the target.
    public struct Violation: Sendable, Hashable, CustomStringConvertible {
        public var suite: String
        public var variant: RunVariant
        /// The run's high-confidence accuracy, percent.
        public var accuracy: Double
        /// High-confidence cases.
        public var cases: Int
        /// The target it missed.
        public var minimum: Double

        /// "dev-superstore-returns-text [no_llm]: high-confidence accuracy 61.0 % on 40 cases, 34.0 points below 95 %"
        public var description: String {
            "\(suite) [\(variant.rawValue)]: high-confidence accuracy \(String(format: "%.1f", accuracy)) % on "
                + "\(cases) cases, \(String(format: "%.1f", minimum - accuracy)) points below "
                + "\(String(format: "%.0f", minimum)) %"
        }
    }

    /// The lowest high-confidence accuracy allowed, percent.
    public var minimum: Double

    /// Creates a gate.
    public init(minimum: Double = Self.defaultMinimum) { self.minimum = minimum }

    /// The runs of `report` that miss the target; runs without a high-confidence case are not judged.
    public func violations(in report: EvalReport) -> [Violation] {
        report.suites.flatMap { suite in
            suite.runs.compactMap { run -> Violation? in
                guard let metric = run.metric("high_conf_accuracy"), let value = metric.value,
                    (metric.support ?? 0) > 0, value < minimum
                else { return nil }
                return Violation(
                    suite: suite.name, variant: run.variant, accuracy: value, cases: metric.support ?? 0,
                    minimum: minimum)
            }
        }
    }
}
