import Foundation
import TriageCore

/// How far a run's confidence can be trusted: accuracy and share per confidence level, and the expected
/// calibration error against the probability each level claims.
///
/// `high_conf_accuracy` and `high_conf_coverage` (the contract's keys) are the high bucket; this adds the medium
/// and low buckets and `calibration_error`. Shares are of every case (an errored case has no confidence, so the
/// three shares and the errors add up to 100 %).
struct Calibration {
    /// The probability of being right each level claims. High is the gate's target (see ``CalibrationGate``).
    static let nominal: [Confidence: Double] = [.high: 0.95, .medium: 0.80, .low: 0.50]

    let results: [CaseResult]

    init(_ results: [CaseResult]) { self.results = results }

    /// Medium and low accuracy and share, then the calibration error.
    var metrics: [Metric] {
        var metrics: [Metric] = []
        for level in [Confidence.medium, .low] {
            let bucket = results.filter { $0.confidence == level }
            metrics.append(Metric.share("\(level.rawValue)_conf_accuracy", bucket.filter(\.correct).count, of: bucket.count))
            // How answers spread over the levels is descriptive: fewer low answers is neither better nor worse.
            metrics.append(Metric.share("\(level.rawValue)_conf_share", bucket.count, of: results.count, direction: .none))
        }
        return metrics + [Metric("calibration_error", expectedError, unit: .percent, direction: .lower,
                                 support: results.filter { $0.confidence != nil }.count)]
    }

    /// ECE in points: over cases with a confidence, Σ (bucket share) × |bucket accuracy − nominal probability|.
    var expectedError: Double? {
        let rated = results.filter { $0.confidence != nil }
        guard !rated.isEmpty else { return nil }
        var total = 0.0
        for (level, probability) in Self.nominal {
            let bucket = rated.filter { $0.confidence == level }
            guard !bucket.isEmpty else { continue }
            let accuracy = Double(bucket.filter(\.correct).count) / Double(bucket.count)
            total += Double(bucket.count) / Double(rated.count) * abs(accuracy - probability)
        }
        return total * 100
    }
}
