import Foundation
import Testing
import TriageCore
import TriageStore

/// The installed binary works from any folder: the routing table and prompts are compiled in, and flags or
/// environment variables override them.
@Suite struct EmptyFolderTests {
    @Test func demoRunsInAnEmptyFolderWithTheBuiltInTable() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try await TriageProcess.run(["demo", "--no-llm", "--llm-sample", "0"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("routed with built-in defaults"))
        let counts = try AppDatabase.open(path: folder.appendingPathComponent("demo/triage.sqlite").path).counts()
        #expect(counts["cards"]! + counts["card_links"]! == counts["exceptions"])
        #expect((counts["exceptions"] ?? 0) >= 3_000)
    }

    @Test func demoOverAnEarlierDemoAsksForForce() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = folder.appendingPathComponent("demo")
        try FileManager.default.createDirectory(at: demo, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: demo.appendingPathComponent("triage.sqlite"))
        let run = try await TriageProcess.run(["demo", "--no-llm", "--llm-sample", "0"], in: folder)
        #expect(run.status != 0)
        #expect(run.stderr.contains("--force"))
        #expect(try Data(contentsOf: demo.appendingPathComponent("triage.sqlite")) == Data("keep me".utf8))
    }

    @Test func rulesShowNamesWhereTheTableCameFrom() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shipped = try String(contentsOf: TriageProcess.repositoryRoot.appendingPathComponent("rules.yaml"), encoding: .utf8)

        let builtIn = try await TriageProcess.run(["rules", "show"], in: folder)
        #expect(builtIn.status == 0)
        #expect(builtIn.stdout.contains("# routing table: built-in defaults"))
        #expect(builtIn.stdout.hasSuffix(shipped))

        let mine = "version: 1\nrules:\n  - id: only\n    version: 1\n    when: {kind: address_hold}\n    decision: judgment\n"
        try mine.write(to: folder.appendingPathComponent("rules.yaml"), atomically: true, encoding: .utf8)
        let local = try await TriageProcess.run(["rules", "show"], in: folder)
        #expect(local.stdout.contains("rules.yaml (in the working folder)"), "\(local.stderr)")
        #expect(local.stdout.contains("# 1 rules"))

        let other = folder.appendingPathComponent("other.yaml").path
        try mine.write(toFile: other, atomically: true, encoding: .utf8)
        let fromEnvironment = try await TriageProcess.run(["rules", "show"], environment: ["TRIAGE_RULES": other], in: folder)
        #expect(fromEnvironment.stdout.contains("\(other) (from $TRIAGE_RULES)"))
        let missing = try await TriageProcess.run(["rules", "show", "--rules", "/nonexistent/rules.yaml"], in: folder)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("/nonexistent/rules.yaml"))
    }

    @Test func evalRunsAContractSuiteFromAnEmptyFolder() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let suite = TriageProcess.repositoryRoot.appendingPathComponent("eval/contract-suite/invoices.json").path
        let run = try await TriageProcess.run(["eval", "run", "--suite", suite, "--no-llm"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("invoice"))
    }
}
