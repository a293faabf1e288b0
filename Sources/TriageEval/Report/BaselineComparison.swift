import Foundation

/// A report compared with a stored baseline: per-metric deltas, what the run is missing, and the cases that flipped.
///
/// The gate is strict. A regression is: a quality share (of a suite, or of a tag group of at least
/// ``gatedGroupSize`` cases) falling by more than `tolerance` points, a lower-is-better figure rising (errors; the calibration error by more than `tolerance`), right → wrong
/// flips beyond `tolerance` points of a run's cases — whatever flipped the other way — or anything in the baseline
/// (a suite, run, metric, tag group or case) missing from the run, unless `allowPartial`.
public struct BaselineComparison: Sendable, Hashable, Codable {
    /// One metric of one run (or of one tag group of it), then and now.
    public struct Delta: Sendable, Hashable, Codable {
        public var suite: String
        public var variant: RunVariant
        /// The tag group; nil for the whole run.
        public var group: String?
        public var key: String
        public var baseline: Double?
        public var current: Double?
        /// True when this change alone is a regression.
        public var regressed: Bool

        /// Current minus baseline; nil when either is undefined.
        public var change: Double? { current.flatMap { c in baseline.map { c - $0 } } }
    }

    /// A case whose verdict changed.
    public struct Flip: Sendable, Hashable, Codable {
        public var suite: String
        public var variant: RunVariant
        public var id: String
    }

    /// Something the baseline has that the run does not.
    public struct Missing: Sendable, Hashable, Codable, CustomStringConvertible {
        /// What kind of thing is missing.
        public enum Kind: String, Sendable, Hashable, Codable { case suite, run, metric, group, `case` }
        public var kind: Kind
        public var suite: String
        public var variant: RunVariant?
        /// The metric key, group name or case id (the suite's name for a suite).
        public var name: String

        /// "metric field_total of invoices [model]", …
        public var description: String {
            let run = variant.map { " [\($0.rawValue)]" } ?? ""
            return kind == .suite ? "suite \(suite)" : "\(kind.rawValue) \(name) of \(suite)\(run)"
        }
    }

    /// Right → wrong flips of one run beyond the tolerance.
    public struct FlipExcess: Sendable, Hashable, Codable {
        public var suite: String
        public var variant: RunVariant
        public var toWrong: Int
        public var cases: Int
        /// The flips as points of the run's cases.
        public var points: Double { cases == 0 ? 0 : 100 * Double(toWrong) / Double(cases) }
    }

    /// The allowed drop of a share, in points; also the allowed right → wrong flips, in points of a run's cases.
    public var tolerance: Double
    /// True when a run may cover only part of the baseline (`--allow-partial`): missing items are listed, not failed.
    public var allowPartial: Bool
    /// Every metric present in both reports.
    public var deltas: [Delta] = []
    /// What the baseline holds and the run does not.
    public var missing: [Missing] = []
    /// Cases right in the baseline and wrong (or errored) now.
    public var toWrong: [Flip] = []
    /// Cases wrong (or errored) in the baseline and right now.
    public var toRight: [Flip] = []
    /// Cases answered in the baseline that errored now (an endpoint error or a replay miss); also in `toWrong`
    /// when they were right.
    public var newErrors: [Flip] = []
    /// Runs whose right → wrong flips exceed the tolerance.
    public var flipExcess: [FlipExcess] = []

    /// True when the change should fail CI (exit code 1).
    public var regressed: Bool {
        deltas.contains(where: \.regressed) || !flipExcess.isEmpty || (!allowPartial && !missing.isEmpty)
    }

    /// Compares every suite, run, metric, tag group and case of the baseline with the run, by name and case id.
    public init(current: EvalReport, baseline: EvalReport, tolerance: Double = 1.0, allowPartial: Bool = false) {
        self.tolerance = tolerance
        self.allowPartial = allowPartial
        for old in baseline.suites {
            guard let suite = current.suite(old.name) else {
                missing.append(Missing(kind: .suite, suite: old.name, variant: nil, name: old.name))
                continue
            }
            for then in old.runs {
                guard let now = suite.run(then.variant) else {
                    missing.append(Missing(kind: .run, suite: old.name, variant: then.variant, name: then.variant.rawValue))
                    continue
                }
                compare(now, then, suite: old.name)
            }
        }
    }
}
