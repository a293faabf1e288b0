import Foundation

/// A report compared with a stored baseline: per-metric deltas and the cases that flipped.
///
/// A regression is a quality metric (a share, higher is better) falling by more than `tolerance` points, more
/// errors than before, or more cases flipping right → wrong than wrong → right.
public struct BaselineComparison: Sendable, Hashable, Codable {
    /// One metric of one run, then and now.
    public struct Delta: Sendable, Hashable, Codable {
        public var suite: String
        public var variant: RunVariant
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

    /// The allowed drop of a share, in points.
    public var tolerance: Double
    /// Every metric present in both reports.
    public var deltas: [Delta]
    /// Cases right in the baseline and wrong now.
    public var toWrong: [Flip]
    /// Cases wrong in the baseline and right now.
    public var toRight: [Flip]
    /// Cases answered in the baseline that errored now (an endpoint error or a replay miss).
    public var newErrors: [Flip]

    /// True when the change should fail CI (exit code 1).
    public var regressed: Bool { deltas.contains(where: \.regressed) || toWrong.count > toRight.count }

    /// Compares suites and runs present in both reports, by suite name, variant and case id.
    public init(current: EvalReport, baseline: EvalReport, tolerance: Double = 1.0) {
        self.tolerance = tolerance
        (deltas, toWrong, toRight, newErrors) = ([], [], [], [])
        for suite in current.suites {
            guard let old = baseline.suites.first(where: { $0.name == suite.name }) else { continue }
            for run in suite.runs {
                guard let then = old.run(run.variant) else { continue }
                compareMetrics(run, then, suite: suite.name)
                compareCases(run, then, suite: suite.name)
            }
        }
    }

    private mutating func compareMetrics(_ now: RunReport, _ then: RunReport, suite: String) {
        for metric in now.metrics {
            guard let old = then.metric(metric.key) else { continue }
            var regressed = false
            if let current = metric.value, let previous = old.value {
                switch (metric.direction, metric.unit) {
                case (.higher, .percent): regressed = current < previous - tolerance
                case (.lower, _): regressed = current > previous
                default: regressed = false
                }
            } else if old.value != nil, metric.value == nil, metric.direction == .higher {
                regressed = true
            }
            deltas.append(Delta(
                suite: suite, variant: now.variant, key: metric.key, baseline: old.value, current: metric.value,
                regressed: regressed))
        }
    }

    private mutating func compareCases(_ now: RunReport, _ then: RunReport, suite: String) {
        let previous = Dictionary(then.cases.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for result in now.cases {
            guard let old = previous[result.id] else { continue }
            let flip = Flip(suite: suite, variant: now.variant, id: result.id)
            if old.answered, !result.answered { newErrors.append(flip); continue }
            guard old.answered, result.answered, old.correct != result.correct else { continue }
            if old.correct { toWrong.append(flip) } else { toRight.append(flip) }
        }
    }
}
