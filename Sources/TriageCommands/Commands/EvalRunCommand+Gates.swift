import ArgumentParser
import Foundation
import TriageLLM
import TriageEval

extension EvalRunCommand {
    /// Runs every gate the flags ask for and prints each verdict; false when one fails (exit 1). All gates run,
    /// so one failure does not hide another.
    func gatesPass(_ report: EvalReport) throws -> Bool {
        let answered = EvalGates.everyCaseAnswered(report, replay: mode == .replay) { endpointDescription }
        var pass = show(answered)
        if gateCalibration { pass = show(EvalGates.calibrationHolds(report, minimum: minHighAccuracy)) && pass }
        guard let baseline else { return pass }
        let stored = try badInput { try EvalReport.read(from: URL(fileURLWithPath: baseline)) }
        let comparison = BaselineComparison(
            current: report, baseline: stored, tolerance: tolerance, allowPartial: allowPartial)
        print("\n" + ReportTable.render(comparison), terminator: "")
        return !comparison.regressed && pass
    }

    private func show(_ verdict: EvalGates.Verdict) -> Bool {
        if let text = verdict.text { print(text) }
        return verdict.pass
    }

    /// The endpoint the live run called, as configured.
    private var endpointDescription: String {
        do {
            return try LLMConfiguration(environment: ProcessInfo.processInfo.environment).baseURL.absoluteString
        } catch {
            return "(TRIAGE_LLM_BASE_URL: \(error))"
        }
    }
}
