import Foundation

/// One exception type's line in the report.
public struct KindReportRow: Sendable, Hashable, Codable {
    /// The exception kind.
    public var kind: ExceptionKind
    /// How many arrived in the period.
    public var count: Int
    /// Share of all exceptions in the period (0…1).
    public var share: Double
    /// Median handling time, minutes.
    public var medianMinutes: Double
    /// Frequency × handling time: hours of manual work per week.
    public var hoursPerWeek: Double
    /// The decision type most of its cards got.
    public var decisionType: DecisionType?
    /// Share resolved by a rule in auto mode (0…1).
    public var autoResolvedShare: Double

    enum CodingKeys: String, CodingKey {
        case kind, count, share
        case medianMinutes = "median_minutes"
        case hoursPerWeek = "hours_per_week"
        case decisionType = "decision_type"
        case autoResolvedShare = "auto_resolved_share"
    }

    /// Creates a row.
    public init(
        kind: ExceptionKind, count: Int, share: Double, medianMinutes: Double, hoursPerWeek: Double,
        decisionType: DecisionType?, autoResolvedShare: Double
    ) {
        self.kind = kind
        self.count = count
        self.share = share
        self.medianMinutes = medianMinutes
        self.hoursPerWeek = hoursPerWeek
        self.decisionType = decisionType
        self.autoResolvedShare = autoResolvedShare
    }
}

/// Exception types ranked by hours of manual work per week, the costliest first.
public struct ExceptionReport: Sendable, Hashable, Codable {
    /// Start of the period covered.
    public var from: Date
    /// End of the period covered.
    public var to: Date
    /// Exceptions in the period.
    public var total: Int
    /// One row per kind, sorted by hours per week, descending.
    public var rows: [KindReportRow]

    /// Creates a report, ranking the rows.
    public init(from: Date, to: Date, total: Int, rows: [KindReportRow]) {
        self.from = from
        self.to = to
        self.total = total
        self.rows = rows.sorted { ($0.hoursPerWeek, $0.count) > ($1.hoursPerWeek, $1.count) }
    }

    /// The five costliest types.
    public var topFive: [KindReportRow] { Array(rows.prefix(5)) }
}

extension ExceptionReport {
    /// The report as an aligned text table with the top five marked.
    public func renderTable() -> String {
        let header = ["#", "exception type", "count", "share", "median min", "hours/week", "decision", "auto-resolved"]
        let body = rows.enumerated().map { index, row in
            [
                index < 5 ? "\(index + 1)" : "", row.kind.label, "\(row.count)", percent(row.share),
                String(format: "%.1f", row.medianMinutes), String(format: "%.1f", row.hoursPerWeek),
                row.decisionType?.rawValue ?? "-", percent(row.autoResolvedShare),
            ]
        }
        let totalHours = rows.reduce(0) { $0 + $1.hoursPerWeek }
        let period = "\(ISODate.formatDay(from)) to \(ISODate.formatDay(to))"
        return "Exceptions \(period): \(total), \(String(format: "%.1f", totalHours)) hours of manual work a week\n"
            + TextTable.render(header: header, rows: body)
    }

    private func percent(_ value: Double) -> String { String(format: "%.0f%%", value * 100) }
}
