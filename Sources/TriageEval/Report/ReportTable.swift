import Foundation
import TriageCore

/// Renders reports and comparisons as plain-text tables for the terminal.
public enum ReportTable {
    /// The breakdown by suite and tag group (worst first), then one block per suite: each metric with the model,
    /// with `--no-llm`, and what the model adds.
    public static func render(_ report: EvalReport) -> String {
        breakdown(report) + "\n" + report.suites.map { block($0, report: report) }.joined(separator: "\n")
    }

    static func block(_ suite: SuiteReport, report: EvalReport) -> String {
        let model = suite.run(.model)
        let plain = suite.run(.noLLM)
        let any = model ?? plain
        var text = "== \(suite.name) (\(suite.task.rawValue)) · \(any?.cases.count ?? 0) cases · "
        text += "prompt \(String((any?.promptVersion ?? "-").prefix(12))) · "
        text += model.map { "model \($0.models.joined(separator: ", ").nonEmpty ?? report.requestedModel ?? "?") (\(report.llmMode))" }
            ?? "model: none (--no-llm)"
        text += "\n" + TextTable.render(header: header(model != nil), rows: rows(model: model, plain: plain))
        if let effect = ModelEffect(suite) { text += effect.summary + "\n" }
        if let confusion = (model ?? plain)?.confusion, !confusion.labels.isEmpty {
            text += "action confusion\(model == nil ? "" : " (with model)"), rows expected, columns predicted:\n"
            text += TextTable.render(header: ["expected"] + confusion.labels, rows: confusion.rows)
        }
        return text + errorLines(model ?? plain)
    }

    private static func header(_ withModel: Bool) -> [String] {
        withModel ? ["metric", "with model", "--no-llm", "model adds"] : ["metric", "--no-llm"]
    }

    private static func rows(model: RunReport?, plain: RunReport?) -> [[String]] {
        guard let keys = (model ?? plain)?.metrics.map(\.key) else { return [] }
        return keys.map { key in
            let with = model?.metric(key)
            let without = plain?.metric(key)
            guard model != nil else { return [key, without?.formatted ?? "-"] }
            return [key, with?.formatted ?? "-", without?.formatted ?? "-", gain(with, without)]
        }
    }

    private static func gain(_ with: Metric?, _ without: Metric?) -> String {
        guard let with, let without, with.unit == .percent, let a = with.value, let b = without.value else { return "" }
        return String(format: "%+.1f", a - b)
    }

    private static func errorLines(_ run: RunReport?) -> String {
        let errors = run?.cases.compactMap(\.error) ?? []
        guard !errors.isEmpty else { return "" }
        let shown = errors.prefix(5).map { "  error: \($0)" }.joined(separator: "\n")
        return shown + (errors.count > 5 ? "\n  … and \(errors.count - 5) more errors" : "") + "\n"
    }

    /// The baseline comparison: changed metrics and the flipped cases.
    public static func render(_ comparison: BaselineComparison) -> String {
        let changed = comparison.deltas.filter { $0.regressed || significant($0) }
        var text = "== baseline comparison (tolerance \(String(format: "%.1f", comparison.tolerance)) points)\n"
        let rows = changed.map { delta in
            [delta.suite, delta.variant.rawValue, delta.group ?? "(suite)", delta.key, number(delta.baseline),
             number(delta.current), delta.change.map { String(format: "%+.1f", $0) } ?? "-",
             delta.regressed ? "REGRESSED" : ""]
        }
        text += rows.isEmpty ? "no metric changed\n"
            : TextTable.render(header: ["suite", "run", "group", "metric", "baseline", "now", "change", ""], rows: rows)
        text += gaps(comparison)
        text += flips("flipped right → wrong", comparison.toWrong)
        text += flips("flipped wrong → right", comparison.toRight)
        text += flips("answered before, error now", comparison.newErrors)
        text += comparison.regressed ? "RESULT: regression\n" : "RESULT: no regression\n"
        return text
    }

    private static func significant(_ delta: BaselineComparison.Delta) -> Bool {
        guard let change = delta.change else { return delta.baseline != delta.current }
        return !delta.key.hasPrefix("latency") && abs(change) >= 0.05
    }

    private static func flips(_ title: String, _ flips: [BaselineComparison.Flip]) -> String {
        guard !flips.isEmpty else { return "\(title): none\n" }
        let lines = flips.map { "  \($0.suite) [\($0.variant.rawValue)] \($0.id)" }
        return "\(title) (\(flips.count)):\n" + lines.joined(separator: "\n") + "\n"
    }

    private static func number(_ value: Double?) -> String {
        value.map { String(format: "%.1f", $0) } ?? "-"
    }
}

extension String {
    /// Nil for the empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
