import Foundation
import Testing

/// Issue 11: replaying the committed recordings must not rewrite them (`git status` stays clean after tests).
@Suite struct EvalReplayCommandTests {
    @Test func replayLeavesTheRecordingsByteForByteUnchanged() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recorded = TriageProcess.repositoryRoot.appendingPathComponent("eval/recorded/gemma-3-270m.db")
        let copy = folder.appendingPathComponent("recorded.db")
        try FileManager.default.copyItem(at: recorded, to: copy)
        let before = try Data(contentsOf: copy)
        let output = try await TriageProcess.run([
            "eval", "run", "--replay", "--cache-db", copy.path, "--limit", "1", "--suite", "eval/suites/returns.json",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(try Data(contentsOf: copy) == before)
    }
}

/// Issue 27: off a terminal, `eval run` writes a line as each suite's run starts and ends.
@Suite struct EvalProgressLineTests {
    @Test func aRunIntoAFileWritesALinePerSuiteRun() async throws {
        let output = try await TriageProcess.run([
            "eval", "run", "--no-llm", "--limit", "2", "--suite", "eval/suites/returns.json",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stderr.split(separator: "\n").filter { $0.hasPrefix("eval: ") }
        #expect(lines.count == 2, "\(output.stderr)")
        #expect(lines.first?.contains("[no_llm]: 2 case(s)") == true, "\(output.stderr)")
        #expect(lines.last?.contains("2 case(s) done in") == true, "\(output.stderr)")
        #expect(!output.stderr.contains("\r"))
    }
}
