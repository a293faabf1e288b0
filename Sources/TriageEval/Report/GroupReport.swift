import Foundation
import TriageCore

/// One tag group of a run: the run's quality metrics over only the cases in the group.
///
/// A case is in a group for each of its tags (`generated`, `hand`, `injection`, …), in `real` when its suite is
/// real data (a name starting `dev-`, or a `dev` tag), and in `untagged` when it carries no tag at all.
public struct GroupReport: Sendable, Hashable, Codable {
    /// The group's name: a tag, `real` or `untagged`.
    public var name: String
    /// ``SuiteMetrics/quality(_:task:)`` over the group's cases.
    public var metrics: [Metric]

    /// Creates a group report.
    public init(name: String, metrics: [Metric]) {
        self.name = name
        self.metrics = metrics
    }

    /// The metric with this key.
    public func metric(_ key: String) -> Metric? { metrics.first { $0.key == key } }

    /// The name real-data suites are grouped under.
    public static let real = "real"

    /// Every group of a run, by name.
    public static func groups(_ cases: [CaseResult], task: AITask, suite: String) -> [GroupReport] {
        var members: [String: [CaseResult]] = [:]
        for result in cases {
            for name in names(of: result, suite: suite) { members[name, default: []].append(result) }
        }
        return members.keys.sorted().map { GroupReport(name: $0, metrics: SuiteMetrics.quality(members[$0] ?? [], task: task)) }
    }

    /// The groups one case belongs to.
    static func names(of result: CaseResult, suite: String) -> Set<String> {
        var names = Set(result.tags)
        if suite.hasPrefix("dev-") || names.contains("dev") { names.insert(real) }
        if names.isEmpty { names.insert("untagged") }
        return names
    }
}
