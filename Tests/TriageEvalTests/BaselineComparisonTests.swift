import Foundation
import Testing
import TriageCore
@testable import TriageEval

@Suite("Baseline comparison")
struct BaselineComparisonTests {
    /// A return case, right or wrong, with tags.
    static func entry(_ id: String, right: Bool, tags: [String] = ["generated"], error: String? = nil) -> CaseResult {
        var value = result(
            id, expected: ["order_id": "o1"], prediction: ["order_id": right ? "o1" : "o2"], task: .returnMatch,
            error: error)
        value.tags = tags
        return value
    }

    /// A report of return suites, each with a no-LLM run over `cases`.
    static func report(_ suites: [(String, [CaseResult])]) -> EvalReport {
        EvalReport(llmMode: "none", requestedModel: nil, suites: suites.map { name, cases in
            SuiteReport(
                name: name, task: .returnMatch, manifest: name + ".json",
                runs: [RunReport(variant: .noLLM, task: .returnMatch, suite: name, promptVersion: "v", cases: cases)])
        })
    }

    static let cases = (1...10).map { entry("c\($0)", right: $0 <= 8, tags: $0 <= 5 ? ["generated"] : ["hand"]) }
    static let baseline = report([("returns", cases), ("invoices", cases)])

    @Test("the same report compared with itself passes")
    func samePasses() {
        let comparison = BaselineComparison(current: Self.baseline, baseline: Self.baseline)
        #expect(!comparison.regressed && comparison.missing.isEmpty)
        #expect(ReportTable.render(comparison).contains("RESULT: no regression"))
    }

    @Test("a suite missing from the run fails the gate and is named")
    func missingSuite() {
        let current = Self.report([("returns", Self.cases)])
        let comparison = BaselineComparison(current: current, baseline: Self.baseline)
        #expect(comparison.regressed)
        #expect(comparison.missing.map(\.description) == ["suite invoices"])
        #expect(ReportTable.render(comparison).contains("suite invoices"))
        #expect(!BaselineComparison(current: current, baseline: Self.baseline, allowPartial: true).regressed)
    }

    @Test("a case missing from the run (--limit, --tags) fails the gate and is named")
    func missingCase() {
        let current = Self.report([("returns", Array(Self.cases.dropLast())), ("invoices", Self.cases)])
        let comparison = BaselineComparison(current: current, baseline: Self.baseline)
        #expect(comparison.regressed)
        #expect(comparison.missing.map(\.description) == ["case c10 of returns [no_llm]"])
        #expect(ReportTable.render(comparison).contains("case c10 of returns [no_llm]"))
    }

    @Test("a renamed metric fails the gate, naming the baseline's key")
    func renamedMetric() {
        var current = Self.baseline
        let index = current.suites[0].runs[0].metrics.firstIndex { $0.key == "accuracy" }!
        current.suites[0].runs[0].metrics[index].key = "accuracy_v2"
        let comparison = BaselineComparison(current: current, baseline: Self.baseline)
        #expect(comparison.regressed)
        #expect(comparison.missing.map(\.description) == ["metric accuracy of returns [no_llm]"])
    }

    @Test("a tag group missing from the run fails the gate")
    func missingGroup() {
        let retagged = Self.cases.map { value -> CaseResult in
            var copy = value
            copy.tags = ["generated"]
            return copy
        }
        let comparison = BaselineComparison(current: Self.report([("returns", retagged), ("invoices", Self.cases)]), baseline: Self.baseline)
        #expect(comparison.missing.contains { $0.kind == .group && $0.name == "hand" && $0.suite == "returns" })
        #expect(comparison.regressed)
    }

    @Test("flips are counted apart: wrong → right elsewhere never cancels right → wrong")
    func flipsNotNetted() {
        var swapped = Self.cases
        swapped[0] = Self.entry("c1", right: false)  // right → wrong
        swapped[8] = Self.entry("c9", right: true, tags: ["hand"])  // wrong → right
        let current = Self.report([("returns", swapped), ("invoices", Self.cases)])
        let comparison = BaselineComparison(current: current, baseline: Self.baseline, tolerance: 1)
        #expect(comparison.toWrong.map(\.id) == ["c1"])
        #expect(comparison.toRight.map(\.id) == ["c9"])
        #expect(comparison.flipExcess.map(\.suite) == ["returns"])
        #expect(comparison.regressed, "accuracy is unchanged, yet a case broke")
        let text = ReportTable.render(comparison)
        #expect(text.contains("flipped right → wrong (1)") && text.contains("flipped wrong → right (1)"))
        #expect(!BaselineComparison(current: current, baseline: Self.baseline, tolerance: 25).regressed)
    }

    @Test("an answered case that errors now is a right → wrong flip and a new error")
    func newErrorIsWrong() {
        var errored = Self.cases
        errored[1] = Self.entry("c2", right: false, error: "case c2: no recorded response")
        let comparison = BaselineComparison(current: Self.report([("returns", errored), ("invoices", Self.cases)]), baseline: Self.baseline)
        #expect(comparison.newErrors.map(\.id) == ["c2"])
        #expect(comparison.toWrong.map(\.id) == ["c2"])
        #expect(comparison.deltas.contains { $0.key == "errors" && $0.group == nil && $0.regressed })
        #expect(comparison.regressed)
    }

    @Test("a group's share falling beyond the tolerance regresses, with the group named; a tiny group only informs")
    func groupRegresses() {
        // 100 cases: 80 generated (all right), 20 hand (10 right). Two hand cases break: the hand group falls
        // 10 points, the suite 2 points, the flips are 2 points of the run.
        let cases = (1...100).map { Self.entry("g\($0)", right: $0 <= 90, tags: $0 <= 80 ? ["generated"] : $0 == 81 ? ["hand", "tiny"] : ["hand"]) }
        var worse = cases
        worse[80] = Self.entry("g81", right: false, tags: ["hand", "tiny"])
        worse[81] = Self.entry("g82", right: false, tags: ["hand"])
        let comparison = BaselineComparison(
            current: Self.report([("returns", worse)]), baseline: Self.report([("returns", cases)]), tolerance: 5)
        #expect(comparison.deltas.contains { $0.group == "hand" && $0.key == "accuracy" && $0.regressed })
        #expect(!comparison.deltas.contains { $0.group == nil && $0.key == "accuracy" && $0.regressed })
        #expect(comparison.deltas.contains { $0.group == "tiny" && $0.key == "accuracy" && $0.change == -100 && !$0.regressed })
        #expect(comparison.flipExcess.isEmpty)
        #expect(comparison.regressed)
        #expect(ReportTable.render(comparison).contains("hand"))
    }
}
