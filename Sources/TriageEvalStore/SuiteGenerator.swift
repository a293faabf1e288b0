import Foundation
import TriageCore
import TriageDemo
import TriageEval

/// The seeded generator of the committed eval suites.
///
/// It writes the demo generator's reference data as fixtures and its labelled unstructured exceptions as cases,
/// then appends the hand-written fixtures and hard cases from `<root>/hand/`. The same seed gives the same bytes.
public struct SuiteGenerator {
    /// The eval folder: holds `hand/`, receives `fixtures/` and `cases/`.
    public let root: URL
    /// The generator's seed.
    public let seed: UInt64
    /// Generated cases per task.
    public let perTask: Int

    /// Creates a generator.
    public init(root: URL, seed: UInt64, perTask: Int) {
        self.root = root
        self.seed = seed
        self.perTask = perTask
    }

    /// Writes fixtures and cases; returns each case file's name ("returns") with its generated case count.
    public func generate() throws -> [(file: String, generated: Int)] {
        let dataset = DemoDataset.generate(DemoConfiguration(seed: seed))
        try writeFixtures(dataset)
        return try writeCases(dataset)
    }

    private func writeFixtures(_ dataset: DemoDataset) throws {
        let fixtures = root.appendingPathComponent("fixtures")
        try FileManager.default.createDirectory(at: fixtures, withIntermediateDirectories: true)
        let encoder = JSONCoding.encoder()
        let files: [(String, Data)] = [
            ("orders.jsonl", try FixtureWriter.jsonLines(dataset.orders, encoder: encoder)),
            ("products.jsonl", try FixtureWriter.jsonLines(dataset.products, encoder: encoder)),
            ("purchase_orders.jsonl", try FixtureWriter.jsonLines(dataset.purchaseOrders, encoder: encoder)),
            ("suppliers.jsonl", try FixtureWriter.jsonLines(dataset.suppliers, encoder: encoder)),
            ("invoices.jsonl", try FixtureWriter.jsonLines(dataset.invoices, encoder: encoder)),
        ]
        for (name, generated) in files {
            let data = generated + (try hand("fixtures/\(name)"))
            try data.write(to: fixtures.appendingPathComponent(name), options: .atomic)
        }
    }

    private func writeCases(_ dataset: DemoDataset) throws -> [(file: String, generated: Int)] {
        let cases = root.appendingPathComponent("cases")
        try FileManager.default.createDirectory(at: cases, withIntermediateDirectories: true)
        let tasks: [(AITask, String, String)] = [
            (.returnMatch, "returns", "gen-ret"), (.invoice, "invoices", "gen-inv"), (.warranty, "warranty", "gen-war"),
        ]
        return try tasks.map { task, file, prefix in
            let generated = TruthCases.cases(
                from: dataset.exceptions, labels: dataset.labels, task: task, count: perTask, prefix: prefix)
            let lines = generated.map(\.jsonLine).joined(separator: "\n") + "\n"
            let data = Data(lines.utf8) + (try hand("cases/\(file).jsonl"))
            try data.write(to: cases.appendingPathComponent("\(file).jsonl"), options: .atomic)
            return (file, generated.count)
        }
    }

    /// A hand-written file's bytes, ending in a newline; empty when there is none.
    private func hand(_ path: String) throws -> Data {
        let url = root.appendingPathComponent("hand").appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { return Data() }
        var data = try Data(contentsOf: url)
        if let last = data.last, last != 0x0A { data.append(0x0A) }
        return data
    }
}
