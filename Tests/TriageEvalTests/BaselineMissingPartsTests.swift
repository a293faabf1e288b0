import Foundation
import Testing
import TriageCore
@testable import TriageEval

/// What a comparison does when the run covers only part of the baseline: every missing part is named, fails the
/// gate, and with `allowPartial` is listed without failing.
@Suite("Baseline comparison with missing parts")
struct BaselineMissingPartsTests {
    typealias Fixture = BaselineComparisonTests

    /// The baseline with a model run beside the no-LLM run of each suite.
    static let twoRuns: EvalReport = {
        var report = Fixture.baseline
        for index in report.suites.indices {
            var model = report.suites[index].runs[0]
            model.variant = .model
            report.suites[index].runs.insert(model, at: 0)
        }
        return report
    }()

    @Test func aMissingRunFailsTheGateAndIsNamed() {
        let comparison = BaselineComparison(current: Fixture.baseline, baseline: Self.twoRuns)
        #expect(comparison.regressed)
        #expect(comparison.missing.map(\.description) == ["run model of returns [model]", "run model of invoices [model]"])
        #expect(ReportTable.render(comparison).contains("run model of returns [model]"))
    }

    @Test func allowPartialListsMissingPartsWithoutFailing() {
        let current = Fixture.report([("returns", Fixture.cases)])
        let comparison = BaselineComparison(current: current, baseline: Self.twoRuns, allowPartial: true)
        #expect(!comparison.regressed)
        #expect(comparison.missing.map(\.kind) == [.run, .suite])
        #expect(BaselineComparison(current: current, baseline: Self.twoRuns).regressed)
    }

    @Test func aRunWithNothingInCommonStillComparesWhatIsThere() {
        let current = Fixture.report([("returns", Fixture.cases)])
        let comparison = BaselineComparison(current: current, baseline: Self.twoRuns)
        #expect(!comparison.deltas.isEmpty)
        #expect(comparison.deltas.allSatisfy { $0.suite == "returns" && $0.variant == .noLLM })
    }

    @Test func anEmptyRunAgainstAnEmptyBaselinePasses() {
        let empty = EvalReport(llmMode: "none", requestedModel: nil, suites: [])
        let comparison = BaselineComparison(current: empty, baseline: empty)
        #expect(!comparison.regressed)
        #expect(comparison.missing.isEmpty && comparison.deltas.isEmpty)
    }
}
