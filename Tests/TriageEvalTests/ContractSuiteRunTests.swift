import Foundation
import Testing
import TriageCore
@testable import TriageEval

@Suite("Contract suites", .serialized, .timeLimit(.minutes(5)))
struct ContractSuiteRunTests {
    @Test("the shared contract suites load and score unchanged from another working folder")
    func fromAnotherFolder() async throws {
        let manager = FileManager.default
        let previous = manager.currentDirectoryPath
        let elsewhere = try EvalWorld.temporaryFolder()
        #expect(manager.changeCurrentDirectoryPath(elsewhere.path))
        defer { _ = manager.changeCurrentDirectoryPath(previous) }
        let suites = try ["returns.json", "invoices.json", "warranty.json"].map { name in
            try SuiteLoader.load(manifest: EvalWorld.contractSuite.appendingPathComponent(name))
        }
        let session = EvalSession(runner: try EvalWorld.runner(), chat: nil, llmMode: "none")
        let report = try await session.run(suites)
        #expect(report.suites.map(\.name) == ["contract-returns", "contract-invoices", "contract-warranty"])
        for suite in report.suites {
            let run = try #require(suite.run(.noLLM))
            #expect(run.cases.count == 3)
            #expect(run.metric("accuracy")?.value == 100, "\(suite.name)")
            #expect(run.metric("errors")?.value == 0)
        }
        let table = ReportTable.render(report)
        #expect(table.contains("contract-warranty") && table.contains("action confusion"))
    }

    @Test("a report survives the JSON round trip a baseline takes")
    func roundTrip() async throws {
        let suite = try SuiteLoader.load(manifest: EvalWorld.contractSuite.appendingPathComponent("returns.json"))
        let report = try await EvalSession(runner: try EvalWorld.runner(), chat: nil, llmMode: "none").run([suite])
        let folder = try EvalWorld.temporaryFolder()
        let url = folder.appendingPathComponent("report.json")
        try report.jsonData().write(to: url)
        #expect(try EvalReport.read(from: url) == report)
    }
}
