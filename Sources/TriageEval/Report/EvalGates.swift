import Foundation
import TriageCore

/// The gates `triage eval run` applies after its report, each with the text it prints: every case answered, and the
/// calibration target. (The baseline gate is ``BaselineComparison``.)
public enum EvalGates {
    /// One gate's outcome and what to print for it (nil: nothing).
    public struct Verdict: Sendable, Hashable {
        /// True when the gate holds.
        public var pass: Bool
        /// The lines to print, starting with a blank line; nil when the gate has nothing to say.
        public var text: String?
    }

    /// Every case must have been answered: with a replay a miss is an error on the case (counted wrong) and fails
    /// the run, so a gate never passes on a partial recording; live, an endpoint that did not answer fails it too,
    /// with one line naming the endpoint (a cron job or CI sees exit 1, not a quiet 0).
    public static func everyCaseAnswered(
        _ report: EvalReport, replay: Bool, endpointDescription: () -> String
    ) -> Verdict {
        let errored = report.suites.flatMap { suite in
            suite.runs.flatMap { run in run.cases.filter { !$0.answered }.map { (suite.name, $0.id) } }
        }
        guard !errored.isEmpty else { return Verdict(pass: true, text: nil) }
        let suites = Set(errored.map(\.0)).sorted().joined(separator: ", ")
        guard replay else {
            return Verdict(pass: false, text: "\neval: \(errored.count) cases errored in \(suites): the model endpoint \(endpointDescription()) did not "
                + "answer or replied with something unusable (the errors are listed above). Start it "
                + "(`\(LocalLLMHint.startCommand)`), or run with --replay or --no-llm. RESULT: incomplete run")
        }
        return Verdict(pass: false, text: "\nreplay: \(errored.count) cases errored (no recorded response, or an invalid one) in \(suites); "
            + "record them with --record-missing. RESULT: incomplete replay")
    }

    /// High-confidence accuracy must reach `minimum` percent on every suite.
    public static func calibrationHolds(_ report: EvalReport, minimum: Double) -> Verdict {
        let violations = CalibrationGate(minimum: minimum).violations(in: report)
        let target = String(format: "%.0f", minimum)
        guard !violations.isEmpty else {
            return Verdict(pass: true, text: "\ncalibration: high-confidence accuracy ≥ \(target) % on every suite")
        }
        let lines = ["\ncalibration: FAILED, high-confidence accuracy below \(target) %:"] + violations.map { "  \($0)" }
        return Verdict(pass: false, text: lines.joined(separator: "\n"))
    }
}
