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
