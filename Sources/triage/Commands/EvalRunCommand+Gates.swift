import ArgumentParser
import Foundation
import TriageLLM
import TriageEval

extension EvalRunCommand {
    /// Runs every gate the flags ask for and prints each verdict; false when one fails (exit 1). All gates run,
    /// so one failure does not hide another.
    func gatesPass(_ report: EvalReport) throws -> Bool {
        var pass = replayComplete(report)
        if gateCalibration { pass = calibrationHolds(report) && pass }
        guard let baseline else { return pass }
        let stored = try badInput { try EvalReport.read(from: URL(fileURLWithPath: baseline)) }
        let comparison = BaselineComparison(
            current: report, baseline: stored, tolerance: tolerance, allowPartial: allowPartial)
        print("\n" + ReportTable.render(comparison), terminator: "")
        return !comparison.regressed && pass
    }

    /// With `--replay`, every case must have had its recorded response: a miss is an error on the case (counted
    /// wrong) and fails the run, so a gate never passes on a partial recording.
    private func replayComplete(_ report: EvalReport) -> Bool {
        guard mode == .replay else { return true }
        let errored = report.suites.flatMap { suite in
            suite.runs.flatMap { run in run.cases.filter { !$0.answered }.map { (suite.name, $0.id) } }
        }
        guard !errored.isEmpty else { return true }
        let suites = Set(errored.map(\.0)).sorted().joined(separator: ", ")
        print("\nreplay: \(errored.count) cases errored (no recorded response, or an invalid one) in \(suites); "
            + "record them with --record-missing. RESULT: incomplete replay")
        return false
    }

    private func calibrationHolds(_ report: EvalReport) -> Bool {
        let violations = CalibrationGate(minimum: minHighAccuracy).violations(in: report)
        let target = String(format: "%.0f", minHighAccuracy)
        guard !violations.isEmpty else {
            print("\ncalibration: high-confidence accuracy ≥ \(target) % on every suite")
            return true
        }
        print("\ncalibration: FAILED, high-confidence accuracy below \(target) %:")
        for violation in violations { print("  \(violation)") }
        return false
    }
}
