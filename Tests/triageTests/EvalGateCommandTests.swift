import Foundation
import Testing
import TriageStore
import TriageCore

/// `triage eval run --baseline` as CI runs it: a broken comparison exits 1 and names what broke.
@Suite(.serialized) struct EvalGateCommandTests {
    static let suites = ["returns", "warranty"].flatMap { ["--suite", "eval/contract-suite/\($0).json"] }

    /// A fresh baseline of the two contract suites without the model, as JSON text.
    static func baseline(in folder: URL) async throws -> URL {
        let url = folder.appendingPathComponent("baseline.json")
        let run = try await TriageProcess.run(["eval", "run", "--no-llm"] + suites + ["--json", url.path])
        #expect(run.status == 0, "\(run.stderr)")
        return url
    }

    /// The baseline with `edit` applied to its text, written beside it.
    static func edited(_ url: URL, _ edit: (String) -> String) throws -> URL {
        let copy = url.deletingLastPathComponent().appendingPathComponent("edited.json")
        try Data(edit(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: copy)
        return copy
    }

    @Test func brokenComparisonsExitOneNamingWhatIsMissing() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let baseline = try await Self.baseline(in: folder)
        let same = try await TriageProcess.run(["eval", "run", "--no-llm"] + Self.suites + ["--baseline", baseline.path])
        #expect(same.status == 0)

        let oneSuite = try await TriageProcess.run(
            ["eval", "run", "--no-llm", "--suite", "eval/contract-suite/returns.json", "--baseline", baseline.path])
        #expect(oneSuite.status == 1)
        #expect(oneSuite.stdout.contains("suite contract-warranty"))
        let partial = try await TriageProcess.run(
            ["eval", "run", "--no-llm", "--suite", "eval/contract-suite/returns.json", "--baseline", baseline.path,
             "--allow-partial"])
        #expect(partial.status == 0, "--allow-partial compares a subset on purpose")

        let limited = try await TriageProcess.run(["eval", "run", "--no-llm", "--limit", "2"] + Self.suites + ["--baseline", baseline.path])
        #expect(limited.status == 1)
        #expect(limited.stdout.contains("of contract-returns [no_llm]") && limited.stdout.contains("case "))

        let renamed = try Self.edited(baseline) { $0.replacingOccurrences(of: "\"candidate_recall\"", with: "\"candidate_recall_v0\"") }
        let metric = try await TriageProcess.run(["eval", "run", "--no-llm"] + Self.suites + ["--baseline", renamed.path])
        #expect(metric.status == 1)
        #expect(metric.stdout.contains("metric candidate_recall_v0 of contract-returns [no_llm]"))
    }

    @Test func aReplayWithoutTheRecordedResponsesExitsOne() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = folder.appendingPathComponent("empty.sqlite").path
        _ = try AppDatabase.open(path: cache)  // a recordings database with no responses in it
        let run = try await TriageProcess.run(
            ["eval", "run", "--replay", "--cache-db", cache, "--suite", "eval/contract-suite/warranty.json"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("RESULT: incomplete replay"))
        #expect(run.stdout.contains("no recorded response"))
    }
}
