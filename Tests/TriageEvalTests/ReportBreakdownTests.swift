import Foundation
import Testing
import TriageCore
@testable import TriageEval

@Suite("Breakdowns by suite, tag group and confidence")
struct ReportBreakdownTests {
    @Test("every tag is a group; real suites are grouped as real; untagged cases as untagged")
    func groups() {
        let cases = [
            BaselineComparisonTests.entry("a", right: true, tags: ["generated", "text"]),
            BaselineComparisonTests.entry("b", right: false, tags: ["hand"]),
            BaselineComparisonTests.entry("c", right: true, tags: []),
        ]
        let run = RunReport(variant: .noLLM, task: .returnMatch, suite: "returns", promptVersion: "v", cases: cases)
        #expect(run.groups.map(\.name) == ["generated", "hand", "text", "untagged"])
        #expect(run.group("hand")?.metric("accuracy")?.value == 0)
        #expect(run.group("generated")?.metric("accuracy")?.value == 100)
        let real = RunReport(variant: .noLLM, task: .returnMatch, suite: "dev-returns", promptVersion: "v", cases: cases)
        #expect(real.groups.map(\.name) == ["generated", "hand", "real", "text"])
        #expect(real.group("real")?.metric("cases")?.value == 3)
    }

    @Test("the text report lists suites and groups worst first, with each confidence level")
    func worstFirst() {
        let cases = [
            BaselineComparisonTests.entry("a", right: true, tags: ["generated"]),
            BaselineComparisonTests.entry("b", right: false, tags: ["hand"]),
        ]
        let report = BaselineComparisonTests.report([("returns", cases)])
        let text = ReportTable.render(report)
        let hand = text.range(of: "returns  no_llm  hand")
        let generated = text.range(of: "returns  no_llm  generated")
        #expect(hand != nil && generated != nil)
        if let hand, let generated { #expect(hand.lowerBound < generated.lowerBound) }
        for header in ["high acc", "medium acc", "low acc", "ECE"] { #expect(text.contains(header)) }
    }

    @Test("a run holding the old format (no groups) still reads as a baseline")
    func oldFormatReads() throws {
        let report = BaselineComparisonTests.report([("returns", [BaselineComparisonTests.entry("a", right: true)])])
        var object = try JSONParser.parse(Array(try report.jsonData()))
        guard case .object(var top) = object, case .array(var suites) = top["suites"], case .object(var suite) = suites[0],
            case .array(var runs) = suite["runs"], case .object(var run) = runs[0]
        else { Issue.record("unexpected report shape"); return }
        run["groups"] = nil
        runs[0] = .object(run)
        suite["runs"] = .array(runs)
        suites[0] = .object(suite)
        top["suites"] = .array(suites)
        object = .object(top)
        let read = try JSONCoding.decoder().decode(EvalReport.self, from: Data(object.serialized.utf8))
        #expect(read.suites[0].runs[0].groups.isEmpty)
    }

    @Test("the calibration gate names each suite whose high-confidence accuracy is below the target")
    func calibrationGate() {
        var cases = (1...19).map { BaselineComparisonTests.entry("r\($0)", right: true) }
        cases.append(BaselineComparisonTests.entry("w", right: false))
        let high = cases.map { value -> CaseResult in
            var copy = value
            copy.confidence = .high
            return copy
        }
        let report = BaselineComparisonTests.report([("good", high), ("bad", Array(high.suffix(10)))])
        let violations = CalibrationGate().violations(in: report)
        #expect(violations.map(\.suite) == ["bad"])
        #expect(violations.first?.description.contains("90.0 % on 10 cases, 5.0 points below 95 %") == true)
        #expect(CalibrationGate(minimum: 90).violations(in: report).isEmpty)
    }
}

@Suite("Fixed sample")
struct CaseSampleTests {
    static let cases = (1...300).map { EvalCase(id: "case-\($0)", task: .returnMatch, input: [:], expected: [:]) }

    @Test("the sample is chosen by id alone: stable, in file order, and the same whatever the file order")
    func stable() {
        let sample = CaseSample.pick(100, from: Self.cases)
        #expect(sample.count == 100)
        #expect(sample == CaseSample.pick(100, from: Self.cases))
        let indices = sample.map { Self.cases.firstIndex(of: $0)! }
        #expect(indices == indices.sorted())
        #expect(Set(CaseSample.pick(100, from: Self.cases.reversed()).map(\.id)) == Set(sample.map(\.id)))
        #expect(CaseSample.pick(400, from: Self.cases) == Self.cases, "a smaller suite runs whole")
        #expect(Set(CaseSample.pick(50, from: Self.cases).map(\.id)).isSubset(of: Set(sample.map(\.id))))
    }

    @Test("ids that differ only at the end are spread over the sample, not picked in runs")
    func spread() {
        let ids = (1...600).map { EvalCase(id: String(format: "bitext-%05d", $0), task: .warranty, input: [:], expected: [:]) }
        let picked = Set(CaseSample.pick(100, from: ids).map(\.id))
        for third in 0..<3 {
            let count = ids[(third * 200)..<((third + 1) * 200)].filter { picked.contains($0.id) }.count
            #expect((20...47).contains(count), "third \(third): \(count) of 100")
        }
    }
}
