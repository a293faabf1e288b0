import Foundation

/// One figure of a run: a share in percent, a count, milliseconds or tokens.
public struct Metric: Sendable, Hashable, Codable {
    /// Stable key, as baselines compare it (`accuracy`, `field_total`, …).
    public var key: String
    /// The value; nil when it is undefined (no case in the denominator).
    public var value: Double?
    /// What the number measures.
    public var unit: MetricUnit
    /// Which way is better; `none` for figures that only inform (latency, tokens).
    public var direction: MetricDirection
    /// Cases in the denominator, for shares.
    public var support: Int?

    /// Creates a metric.
    public init(_ key: String, _ value: Double?, unit: MetricUnit, direction: MetricDirection, support: Int? = nil) {
        self.key = key
        self.value = value
        self.unit = unit
        self.direction = direction
        self.support = support
    }

    /// A share in percent of `count` out of `total`; nil when `total` is 0.
    static func share(_ key: String, _ count: Int, of total: Int, direction: MetricDirection = .higher) -> Metric {
        Metric(key, total == 0 ? nil : 100 * Double(count) / Double(total), unit: .percent, direction: direction, support: total)
    }

    /// The value as a table cell: "87.5%", "12", "1840 ms", "-" for undefined.
    public var formatted: String {
        guard let value else { return "-" }
        switch unit {
        case .percent: return String(format: "%.1f%%", value)
        case .count, .tokens: return String(Int(value.rounded()))
        case .milliseconds: return String(format: "%.0f", value)
        }
    }
}

/// The unit of a ``Metric``.
public enum MetricUnit: String, Sendable, Hashable, Codable {
    case percent, count, milliseconds, tokens
}

/// Which way a ``Metric`` improves.
public enum MetricDirection: String, Sendable, Hashable, Codable {
    case higher, lower, none
}
