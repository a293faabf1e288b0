import Foundation
import Testing

@testable import TriageDemoRun

@Suite struct DemoPathsTests {
    @Test func filesSitBelowTheFolder() {
        let paths = DemoPaths(folder: URL(fileURLWithPath: "/tmp/demo"))
        #expect(paths.database.path == "/tmp/demo/triage.sqlite")
        #expect(paths.data.path == "/tmp/demo/data")
        #expect(paths.outbox.path == "/tmp/demo/outbox.jsonl")
    }

    @Test func removePreviousRunDeletesWhatARunWroteAndKeepsTheFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("demo-paths-\(UUID().uuidString)")
        defer {
            do { try FileManager.default.removeItem(at: folder) } catch { Issue.record(error, "cleanup") }
        }
        let paths = DemoPaths(folder: folder)
        try FileManager.default.createDirectory(at: paths.data, withIntermediateDirectories: true)
        for url in [paths.database, paths.outbox, URL(fileURLWithPath: paths.database.path + "-wal")] {
            try Data("x".utf8).write(to: url)
        }
        let other = folder.appendingPathComponent("notes.txt")
        try Data("keep".utf8).write(to: other)
        try paths.removePreviousRun()
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(left == ["notes.txt"])
    }
}
