import Foundation
import Testing
import TriageCore
@testable import TriageEval

@Suite("Eval gates")
struct EvalGatesTests {
    static let answered = BaselineComparisonTests.report([("returns", BaselineComparisonTests.cases)])
    static let errored = BaselineComparisonTests.report([
        ("returns", [BaselineComparisonTests.entry("c1", right: true, error: "timeout")]),
        ("invoices", [BaselineComparisonTests.entry("c2", right: true, error: "miss"), BaselineComparisonTests.entry("c3", right: true)]),
    ])

    @Test("a report with every case answered passes silently")
    func answeredPasses() {
        let verdict = EvalGates.everyCaseAnswered(Self.answered, replay: false) { "unused" }
        #expect(verdict == EvalGates.Verdict(pass: true, text: nil))
    }

    @Test("a live run with errored cases fails, naming the suites and the endpoint")
    func liveErrorsFail() {
        let verdict = EvalGates.everyCaseAnswered(Self.errored, replay: false) { "http://127.0.0.1:9/v1" }
        #expect(!verdict.pass)
        #expect(verdict.text == "\neval: 2 cases errored in invoices, returns: the model endpoint http://127.0.0.1:9/v1 "
            + "did not answer or replied with something unusable (the errors are listed above). Start it "
            + "(`scripts/local-llm start`), or run with --replay or --no-llm. RESULT: incomplete run")
    }

    @Test("a replay with misses fails and says how to record them")
    func replayMissesFail() {
        let verdict = EvalGates.everyCaseAnswered(Self.errored, replay: true) { "unused" }
        #expect(!verdict.pass)
        #expect(verdict.text == "\nreplay: 2 cases errored (no recorded response, or an invalid one) in invoices, "
            + "returns; record them with --record-missing. RESULT: incomplete replay")
    }

    @Test("calibration with no high-confidence misses holds and says so")
    func calibrationHolds() {
        let verdict = EvalGates.calibrationHolds(Self.answered, minimum: 0)
        #expect(verdict == EvalGates.Verdict(pass: true, text: "\ncalibration: high-confidence accuracy ≥ 0 % on every suite"))
    }

    @Test("calibration below target fails with one line per run that misses it")
    func calibrationFails() {
        let wrong = result(
            "h1", expected: ["order_id": "o1"], prediction: ["order_id": "o2"], task: .returnMatch, confidence: .high)
        let verdict = EvalGates.calibrationHolds(BaselineComparisonTests.report([("returns", [wrong])]), minimum: 95)
        #expect(!verdict.pass)
        let lines = verdict.text?.components(separatedBy: "\n") ?? []
        #expect(lines.count == 3)
        #expect(Array(lines.prefix(2)) == ["", "calibration: FAILED, high-confidence accuracy below 95 %:"])
        #expect(lines.last?.hasPrefix("  returns [") == true)
    }
}
