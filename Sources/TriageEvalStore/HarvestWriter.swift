import Foundation
import TriageCore
import TriageEval

/// Writes reviewed AI cards as eval cases, the reviewer's answer as `expected`: one cases file per task, each with a
/// suite manifest over fixtures exported from the same store (either store), and prints what it wrote and skipped.
public struct HarvestWriter {
    let database: any HarvestReading
    let out: String
    let task: AITask?

    /// A writer of `out` (or, with several tasks and no `task`, one file per task beside it) from `database`.
    public init(database: any HarvestReading, out: String, task: AITask?) {
        self.database = database
        self.out = out
        self.task = task
    }

    /// Harvests the decisions made on or after `date` (`since` as the user wrote it, for the output).
    public func run(since date: Date, named since: String) async throws {
        var cases: [AITask: [EvalCase]] = [:]
        var skipped: [String: Int] = [:]
        for reviewed in try await database.reviewedCards(since: date) {
            switch HarvestedCases.evalCase(reviewed) {
            case .success(let entry) where task == nil || entry.task == task: cases[entry.task, default: []].append(entry)
            case .success: continue
            case .failure(let reason): skipped[reason.kind.rawValue, default: 0] += 1
            }
        }
        let output = URL(fileURLWithPath: out)
        let folder = output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fixturesFolder = output.deletingPathExtension().lastPathComponent + "-fixtures"
        let fixtures = cases.isEmpty
            ? [:] : try await database.referenceSnapshot().write(to: folder.appendingPathComponent(fixturesFolder))
        for (task, entries) in cases.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let path = self.task == nil && cases.count > 1 ? Self.path(out, task: task) : out
            try Data((entries.map(\.jsonLine).joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
            let manifest = try Self.writeManifest(cases: URL(fileURLWithPath: path), task: task, fixtures: fixtures, folder: fixturesFolder)
            print("\(task.rawValue): \(entries.count) case(s) → \(path); run: triage eval run --suite \(manifest.path)")
        }
        if cases.isEmpty { print("no reviewed AI cards since \(since)") }
        for (reason, count) in skipped.sorted(by: { $0.key < $1.key }) { print("skipped \(count): \(reason)") }
    }

    /// Writes `<cases>.suite.json` beside the cases file, naming the exported fixtures by relative path.
    static func writeManifest(cases: URL, task: AITask, fixtures: [String: URL], folder: String) throws -> URL {
        let stem = cases.deletingPathExtension().lastPathComponent
        var files: [String: JSONValue] = [:]
        for (name, url) in fixtures { files[name] = .string(folder + "/" + url.lastPathComponent) }
        let manifest: JSONValue = .object([
            "name": .string(stem), "task": .string(task.rawValue), "cases": .string(cases.lastPathComponent),
            "fixtures": .object(files),
        ])
        let url = cases.deletingLastPathComponent().appendingPathComponent(stem + ".suite.json")
        try Data(manifest.serialized.utf8).write(to: url)
        return url
    }

    /// `dir/name.jsonl` → `dir/name.<task>.jsonl`.
    static func path(_ out: String, task: AITask) -> String {
        let url = URL(fileURLWithPath: out)
        let ext = url.pathExtension.isEmpty ? "jsonl" : url.pathExtension
        return url.deletingPathExtension().path + ".\(task.rawValue).\(ext)"
    }
}
