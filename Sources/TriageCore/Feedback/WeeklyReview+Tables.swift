import Foundation

/// One table of the review: the text output prints it, `--csv` writes it, the page renders it.
public struct ReviewTable: Sendable, Hashable {
    /// File-safe name (`top_types`, `rules`, …).
    public var name: String
    /// The heading above it.
    public var title: String
    public var header: [String]
    public var rows: [[String]]
    /// The CSV's own columns where the printed cells combine values ("100.0 % of 13"): one number per column, for
    /// spreadsheets. Nil when the printed table already is.
    public var csvColumns: (header: [String], rows: [[String]])?

    /// Creates a table; `csvColumns` replaces the printed cells in the CSV.
    public init(name: String, title: String, header: [String], rows: [[String]], csvColumns: (header: [String], rows: [[String]])? = nil) {
        self.name = name
        self.title = title
        self.header = header
        self.rows = rows
        self.csvColumns = csvColumns
    }

    /// The table as CSV (RFC 4180 quoting), numbers as plain numbers.
    public var csv: String {
        let (head, body) = csvColumns ?? (header, rows)
        return ([head] + body).map { $0.map(Self.quote).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    public static func == (a: ReviewTable, b: ReviewTable) -> Bool { a.name == b.name && a.csv == b.csv && a.rows == b.rows }
    public func hash(into hasher: inout Hasher) { hasher.combine(name); hasher.combine(csv) }

    private static func quote(_ field: String) -> String {
        guard field.contains(where: { ",\"\r\n".contains($0) }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension WeeklyReview {
    /// Every section as tables, in reading order.
    public var tables: [ReviewTable] {
        [topTypesTable, automationTable, rulesTable, aiTable, decisionTimesTable, upstreamTable, supplyChainTable, cascadesTable]
    }

    static func percent(_ value: Double?) -> String { value.map { String(format: "%.1f %%", $0 * 100) } ?? "—" }
    static func number(_ value: Double) -> String { String(format: "%.1f", value) }
    /// A share as a plain percentage number for CSV ("87.5"), empty when there is none.
    static func csvPercent(_ value: Double?) -> String { value.map { String(format: "%.1f", $0 * 100) } ?? "" }

    var topTypesTable: ReviewTable {
        ReviewTable(
            name: "top_types", title: "Top exception types by hours (count × median handling time)",
            header: ["#", "type", "count", "median min", "hours", "previous week", "change", "5-week trend (h)"],
            rows: types.enumerated().map { index, type in
                let change = type.previousHours > 0 ? Self.percent(type.hours / type.previousHours - 1) : "new"
                return ["\(index + 1)", type.kind.rawValue, "\(type.count)", Self.number(type.medianMinutes), Self.number(type.hours),
                        Self.number(type.previousHours), change, type.trend.compactMap { $0 }.map(Self.number).joined(separator: " → ")]
            },
            csvColumns: (
                ["rank", "type", "count", "median_minutes", "hours", "previous_week_hours", "change_pct"]
                    + (1...WeeklyReviewBuilder.trendWeeks).map { "week_\($0)_hours" },
                types.enumerated().map { index, type in
                    ["\(index + 1)", type.kind.rawValue, "\(type.count)", Self.number(type.medianMinutes), Self.number(type.hours),
                     Self.number(type.previousHours),
                     type.previousHours > 0 ? Self.csvPercent(type.hours / type.previousHours - 1) : ""]
                        + type.trend.map { $0.map(Self.number) ?? "" }
                }))
    }

    var automationTable: ReviewTable {
        ReviewTable(
            name: "automation", title: "Auto-resolution and reviewer time saved",
            header: ["type", "cards", "auto-resolved", "rate", "hours saved"],
            rows: ([automation] + automationByType).map { row in
                [row.kind?.rawValue ?? "all", "\(row.cards)", "\(row.autoResolved)", Self.percent(row.rate), Self.number(row.hoursSaved)]
            },
            csvColumns: (
                ["type", "cards", "auto_resolved", "rate_pct", "hours_saved"],
                ([automation] + automationByType).map { row in
                    [row.kind?.rawValue ?? "all", "\(row.cards)", "\(row.autoResolved)", Self.csvPercent(row.rate), Self.number(row.hoursSaved)]
                }))
    }

    var rulesTable: ReviewTable {
        ReviewTable(
            name: "rules", title: "Rules: fired this week, reviewer agreement (95 % interval), promotion",
            header: ["rule", "mode", "fired", "reviewed", "agreed", "agreement", "interval", "overruled (card: action)", "promotion"],
            rows: rules.map { rule in
                let interval = rule.intervalLow.map { "\(Self.percent($0))–\(Self.percent(rule.intervalHigh))" } ?? "—"
                let overruled = rule.disagreements.prefix(5).map { "#\($0.cardID): \($0.reviewerAction)" }.joined(separator: "; ")
                return [rule.ruleID, rule.mode?.rawValue ?? "—", "\(rule.fired)", "\(rule.reviewed)", "\(rule.agreed)",
                        Self.percent(rule.agreement), interval, overruled, rule.promotion ?? "—"]
            },
            csvColumns: (
                ["rule", "mode", "fired", "reviewed", "agreed", "agreement_pct", "interval_low_pct", "interval_high_pct",
                 "overruled", "promotion"],
                rules.map { rule in
                    [rule.ruleID, rule.mode?.rawValue ?? "", "\(rule.fired)", "\(rule.reviewed)", "\(rule.agreed)",
                     Self.csvPercent(rule.agreement), Self.csvPercent(rule.intervalLow), Self.csvPercent(rule.intervalHigh),
                     rule.disagreements.map { "#\($0.cardID): \($0.reviewerAction)" }.joined(separator: "; "), rule.promotion ?? ""]
                }))
    }

    var aiTable: ReviewTable {
        ReviewTable(
            name: "ai_suggestions", title: "AI suggestions: accepted as is, edited, rejected; acceptance by confidence",
            header: ["task", "decided", "accepted", "edited", "rejected", "high", "medium", "low"],
            rows: ai.map { task in
                let buckets = Dictionary(uniqueKeysWithValues: task.byConfidence.map { ($0.confidence, $0) })
                let bucket = { (confidence: Confidence) -> String in
                    guard let value = buckets[confidence], value.decided > 0 else { return "—" }
                    return "\(Self.percent(value.rate)) of \(value.decided)"
                }
                return [task.task.rawValue, "\(task.decided)", "\(task.accepted)", "\(task.edited)", "\(task.rejected)",
                        bucket(.high), bucket(.medium), bucket(.low)]
            },
            csvColumns: (
                ["task", "decided", "accepted", "edited", "rejected"]
                    + ["high", "medium", "low"].flatMap { ["\($0)_accepted_pct", "\($0)_decided"] },
                ai.map { task in
                    let buckets = Dictionary(uniqueKeysWithValues: task.byConfidence.map { ($0.confidence, $0) })
                    let columns = [Confidence.high, .medium, .low].flatMap { confidence -> [String] in
                        guard let value = buckets[confidence], value.decided > 0 else { return ["", "0"] }
                        return [Self.csvPercent(value.rate), "\(value.decided)"]
                    }
                    return [task.task.rawValue, "\(task.decided)", "\(task.accepted)", "\(task.edited)", "\(task.rejected)"] + columns
                }))
    }

    var decisionTimesTable: ReviewTable {
        let seconds = { (value: Double?) in value.map { String(format: "%.0f s", $0) } ?? "—" }
        return ReviewTable(
            name: "decision_times", title: "Median time to decide a card",
            header: ["", "median", "decisions"],
            rows: [["with an AI suggestion", seconds(decisionTimes.withSuggestion), "\(decisionTimes.withSuggestionCount)"],
                   ["without", seconds(decisionTimes.withoutSuggestion), "\(decisionTimes.withoutSuggestionCount)"]])
    }

    var upstreamTable: ReviewTable {
        ReviewTable(
            name: "upstream_fixes", title: "Upstream fix candidates: one resolution dominates",
            header: ["type", "resolution", "share", "cards", "hours/week", "fix upstream"],
            rows: upstream.map { fix in
                [fix.kind.rawValue, fix.action, Self.percent(fix.share), "\(fix.count)", Self.number(fix.hoursPerWeek), fix.advice]
            })
    }

    var supplyChainTable: ReviewTable {
        ReviewTable(
            name: "supply_chain", title: "Exception supply chain: source, decision, who resolves it, routable today",
            header: ["type", "source system(s)", "decision", "resolved by", "routing today"],
            rows: supplyChain.map { row in
                [row.kind.rawValue, row.sources.joined(separator: ", "), row.decision?.rawValue ?? "—", row.resolver, row.routing]
            })
    }

    var cascadesTable: ReviewTable {
        ReviewTable(
            name: "cascades", title: "Cascades: hours far above a source's usual count",
            header: ["hour", "type", "source", "count", "usual per hour", "escalation card"],
            rows: cascades.map { cascade in
                [ISODate.format(cascade.hour), cascade.kind.rawValue, cascade.source, "\(cascade.count)",
                 Self.number(cascade.baselinePerHour), cascade.cardIDs.map { "#\($0)" }.joined(separator: " ")]
            })
    }
}
