import ArgumentParser
import Foundation
import TriageLLM
import TriageEval

extension EvalRunCommand {
    /// Runs every gate the flags ask for and prints each verdict; false when one fails (exit 1). All gates run,
    /// so one failure does not hide another.
    func gatesPass(_ report: EvalReport) throws -> Bool {
        var pass = everyCaseAnswered(report)
        if gateCalibration { pass = calibrationHolds(report) && pass }
        guard let baseline else { return pass }
        let stored = try badInput { try EvalReport.read(from: URL(fileURLWithPath: baseline)) }
        let comparison = BaselineComparison(
            current: report, baseline: stored, tolerance: tolerance, allowPartial: allowPartial)
        print("\n" + ReportTable.render(comparison), terminator: "")
        return !comparison.regressed && pass
    }

    /// Every case must have been answered: with `--replay` a miss is an error on the case (counted wrong) and fails
    /// the run, so a gate never passes on a partial recording; live, an endpoint that did not answer fails it too,
    /// with one line naming the endpoint (a cron job or CI sees exit 1, not a quiet 0).
    private func everyCaseAnswered(_ report: EvalReport) -> Bool {
        let errored = report.suites.flatMap { suite in
            suite.runs.flatMap { run in run.cases.filter { !$0.answered }.map { (suite.name, $0.id) } }
        }
        guard !errored.isEmpty else { return true }
        let suites = Set(errored.map(\.0)).sorted().joined(separator: ", ")
        guard mode == .replay else {
            print("\neval: \(errored.count) cases errored in \(suites): the model endpoint \(endpointDescription) did not "
                + "answer or replied with something unusable (the errors are listed above). Start it "
                + "(`scripts/local-llm start`), or run with --replay or --no-llm. RESULT: incomplete run")
            return false
        }
        print("\nreplay: \(errored.count) cases errored (no recorded response, or an invalid one) in \(suites); "
            + "record them with --record-missing. RESULT: incomplete replay")
        return false
    }

    /// The endpoint the live run called, as configured.
    private var endpointDescription: String {
        do {
            return try LLMConfiguration(environment: ProcessInfo.processInfo.environment).baseURL.absoluteString
        } catch {
            return "(TRIAGE_LLM_BASE_URL: \(error))"
        }
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
