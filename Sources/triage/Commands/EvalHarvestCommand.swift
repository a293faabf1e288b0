import ArgumentParser
import Foundation
import TriageCore
import TriageEval
import TriageStore

/// `triage eval harvest`: reviewer decisions on AI cards become suite cases, the reviewer's answer as `expected`.
struct EvalHarvestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "harvest",
        abstract: "Write reviewed AI cards as eval cases (expected = the reviewer's final decision).",
        discussion: """
            A suite holds one task, so with cards of several tasks FILE's name gets the task before its extension
            (harvest.jsonl → harvest.warranty.jsonl, …); --task writes exactly FILE. Beside each cases file goes a
            manifest (harvest.warranty.suite.json) over fixtures exported from the same database (harvest-fixtures/:
            products, suppliers, orders, purchase orders, invoices), so `triage eval run --suite` runs it as it is.
            """)

    @Option(help: "Decisions made on or after this date (ISO 8601, e.g. 2026-11-01).")
    var since: String

    @Option(help: "Cases file to write (JSON Lines).")
    var out: String

    @Option(help: "Only this task (return_match, invoice, warranty).")
    var task: AITask?

    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard let date = ISODate.parse(since) else { throw CLIError("--since: not an ISO 8601 date: \(since)") }
        var cases: [AITask: [EvalCase]] = [:]
        var skipped: [String: Int] = [:]
        let database = try store.openExisting()
        for reviewed in try database.reviewedCards(since: date) {
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
        let fixtures = cases.isEmpty ? [:] : try database.exportFixtures(to: folder.appendingPathComponent(fixturesFolder))
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
