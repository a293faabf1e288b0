import Foundation
import TriageCore

extension ReportTable {
    /// Every suite and every tag group of every run in one table, worst accuracy first, with the share and
    /// accuracy of each confidence level and the calibration error: never one blended number.
    public static func breakdown(_ report: EvalReport) -> String {
        var rows: [(accuracy: Double, cells: [String])] = []
        for suite in report.suites {
            for run in suite.runs {
                rows.append(row(suite.name, run.variant, "(suite)", run.metrics))
                rows += run.groups.map { row(suite.name, run.variant, $0.name, $0.metrics) }
            }
        }
        let sorted = rows.enumerated().sorted { lhs, rhs in
            lhs.element.accuracy == rhs.element.accuracy ? lhs.offset < rhs.offset
                : lhs.element.accuracy < rhs.element.accuracy
        }.map { $0.element.cells }
        let header = [
            "suite", "run", "group", "cases", "errors", "accuracy", "high acc", "high %", "medium acc", "medium %",
            "low acc", "low %", "ECE",
        ]
        return "== suites and tag groups, worst accuracy first (ECE against high \(nominal(.high)), medium "
            + "\(nominal(.medium)), low \(nominal(.low)))\n" + TextTable.render(header: header, rows: sorted)
    }

    private static func row(
        _ suite: String, _ variant: RunVariant, _ group: String, _ metrics: [Metric]
    ) -> (accuracy: Double, cells: [String]) {
        func cell(_ key: String) -> String { metrics.first { $0.key == key }?.formatted ?? "-" }
        let keys = [
            "cases", "errors", "accuracy", "high_conf_accuracy", "high_conf_coverage", "medium_conf_accuracy",
            "medium_conf_share", "low_conf_accuracy", "low_conf_share", "calibration_error",
        ]
        let accuracy = metrics.first { $0.key == "accuracy" }?.value ?? -1
        return (accuracy, [suite, variant.rawValue, group] + keys.map(cell))
    }

    private static func nominal(_ level: Confidence) -> String {
        String(format: "%.2f", Calibration.nominal[level] ?? 0)
    }

    /// What the run lacks against the baseline, and the runs whose right → wrong flips exceed the tolerance.
    static func gaps(_ comparison: BaselineComparison) -> String {
        var text = ""
        if !comparison.missing.isEmpty {
            let verdict = comparison.allowPartial ? "allowed by --allow-partial" : "FAILS the gate"
            text += "missing from this run, present in the baseline (\(comparison.missing.count), \(verdict)):\n"
            text += comparison.missing.prefix(40).map { "  \($0)" }.joined(separator: "\n") + "\n"
            if comparison.missing.count > 40 { text += "  … and \(comparison.missing.count - 40) more\n" }
        }
        for excess in comparison.flipExcess {
            text += "REGRESSED: \(excess.suite) [\(excess.variant.rawValue)]: \(excess.toWrong) of \(excess.cases) "
                + "cases right → wrong (\(String(format: "%.1f", excess.points)) points > tolerance "
                + "\(String(format: "%.1f", comparison.tolerance)))\n"
        }
        return text
    }
}
