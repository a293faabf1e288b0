import Foundation

extension BaselineComparison {
    /// A tag group's shares gate from this many baseline cases on; a smaller group's deltas are listed, and its
    /// cases are still held by the right → wrong flip count (one flip moves a 3-case group by 33 points).
    public static let gatedGroupSize = 20

    /// One run against its baseline run: metrics, tag groups, cases.
    mutating func compare(_ now: RunReport, _ then: RunReport, suite: String) {
        compareMetrics(now.metrics, then.metrics, suite: suite, variant: now.variant, group: nil, gated: true)
        for old in then.groups {
            guard let group = now.group(old.name) else {
                missing.append(Missing(kind: .group, suite: suite, variant: now.variant, name: old.name))
                continue
            }
            let size = Int(old.metric("cases")?.value ?? 0)
            compareMetrics(
                group.metrics, old.metrics, suite: suite, variant: now.variant, group: old.name,
                gated: size >= Self.gatedGroupSize)
        }
        compareCases(now, then, suite: suite)
    }

    private mutating func compareMetrics(
        _ now: [Metric], _ then: [Metric], suite: String, variant: RunVariant, group: String?, gated: Bool
    ) {
        for old in then {
            guard let metric = now.first(where: { $0.key == old.key }) else {
                let name = group.map { "\($0)/\(old.key)" } ?? old.key
                missing.append(Missing(kind: .metric, suite: suite, variant: variant, name: name))
                continue
            }
            deltas.append(Delta(
                suite: suite, variant: variant, group: group, key: old.key, baseline: old.value,
                current: metric.value, regressed: gated && isRegression(metric, from: old)))
        }
    }

    private func isRegression(_ metric: Metric, from old: Metric) -> Bool {
        guard let current = metric.value, let previous = old.value else {
            // A share of an emptied bucket (no low-confidence answers left) is undefined, not worse.
            return old.value != nil && metric.value == nil && metric.direction == .higher && metric.support != 0
        }
        switch (metric.direction, metric.unit) {
        case (.higher, .percent): return current < previous - tolerance
        case (.lower, .percent): return current > previous + tolerance
        case (.lower, _): return current > previous
        default: return false
        }
    }

    private mutating func compareCases(_ now: RunReport, _ then: RunReport, suite: String) {
        let current = Dictionary(now.cases.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var wrong = 0
        for old in then.cases {
            let flip = Flip(suite: suite, variant: now.variant, id: old.id)
            guard let result = current[old.id] else {
                missing.append(Missing(kind: .case, suite: suite, variant: now.variant, name: old.id))
                continue
            }
            if old.answered, !result.answered { newErrors.append(flip) }
            guard old.correct != result.correct else { continue }
            if old.correct {
                toWrong.append(flip)
                wrong += 1
            } else {
                toRight.append(flip)
            }
        }
        let excess = FlipExcess(suite: suite, variant: now.variant, toWrong: wrong, cases: then.cases.count)
        if wrong > 0, excess.points > tolerance { flipExcess.append(excess) }
    }
}
