import Foundation
import Testing
import TriageCore
import TriageStore
@testable import TriageEvalStore

@Suite("Harvest writer")
struct HarvestWriterTests {
    @Test("a task's cases go beside the named file, the task before the extension")
    func pathPerTask() {
        #expect(HarvestWriter.path("out/harvest.jsonl", task: .warranty).hasSuffix("out/harvest.warranty.jsonl"))
        #expect(HarvestWriter.path("out/harvest", task: .invoice).hasSuffix("out/harvest.invoice.jsonl"))
    }

    @Test("the manifest names the cases file and the fixtures by relative path")
    func manifest() throws {
        let folder = try EvalWorld.temporaryFolder()
        let cases = folder.appendingPathComponent("harvest.warranty.jsonl")
        let fixtures = ["orders": folder.appendingPathComponent("harvest-fixtures/orders.jsonl")]
        let url = try HarvestWriter.writeManifest(cases: cases, task: .warranty, fixtures: fixtures, folder: "harvest-fixtures")
        #expect(url.lastPathComponent == "harvest.warranty.suite.json")
        let written = try JSONParser.parse(Array(try Data(contentsOf: url)))
        #expect(written == .object([
            "name": .string("harvest.warranty"), "task": .string("warranty"), "cases": .string("harvest.warranty.jsonl"),
            "fixtures": .object(["orders": .string("harvest-fixtures/orders.jsonl")]),
        ]))
    }

    @Test("a database with no reviewed cards writes no cases file")
    func nothingToHarvest() async throws {
        let folder = try EvalWorld.temporaryFolder()
        let out = folder.appendingPathComponent("harvest.jsonl")
        try await HarvestWriter(database: try AppDatabase.inMemory(), out: out.path, task: nil)
            .run(since: .distantPast, named: "x")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
