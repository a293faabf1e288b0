import ArgumentParser
import Foundation
import TriageCore
import TriageDemo
import TriageRules
import TriageStore

/// `triage demo`: a seeded retail dataset, loaded and routed into a fresh database, then reported.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate the demo dataset, load it into a fresh SQLite file, route everything, and report.")

    @Option(help: "Folder for the database, the generated data and the outbox sink.")
    var out = "demo"

    @Option(help: "Seed for the generator; the same seed gives the same dataset.")
    var seed: UInt64 = 42

    @Option(help: "Unstructured jobs per AI task drained through the LLM during the demo (0 to skip).")
    var llmSample = 6

    @Flag(help: "Replace an earlier demo database in the folder, with its users and decisions.")
    var force = false

    @OptionGroup var rules: RulesOptions
    @OptionGroup var llm: LLMOptions

    func run() async throws {
        let folder = URL(fileURLWithPath: out)
        let paths = DemoPaths(folder: folder)
        if !force && FileManager.default.fileExists(atPath: paths.database.path) {
            throw CLIError(
                "\(paths.database.path) already holds a demo database (its users and decisions would be lost); "
                    + "pass --force to replace it, or --out another folder")
        }
        try paths.removePreviousRun()
        let table = try rules.load()
        let clock = DemoConfiguration(seed: seed).end

        let started = Date()
        let dataset = DemoDataset.generate(DemoConfiguration(seed: seed))
        try FixtureWriter.write(dataset, to: paths.data)
        print("generated \(dataset.orders.count) orders, \(dataset.customers.count) customers, "
            + "\(dataset.products.count) products, \(dataset.suppliers.count) suppliers, "
            + "\(dataset.purchaseOrders.count) purchase orders, \(dataset.exceptions.count) exceptions → \(paths.data.path)")

        let database = try AppDatabase.open(path: paths.database.path)
        try database.recordDemo(seed: seed, labels: dataset.labels, now: clock)
        for result in try ReferenceLoader(database: database).load(directory: paths.data) {
            print("  loaded \(result.file): \(result.loaded)\(result.errors.isEmpty ? "" : ", \(result.errors.count) rejected")")
        }
        let ingestion = Ingestion(service: RoutingService(table: table, store: database))
        let outcome = try await ingestion.ingest(file: paths.data.appendingPathComponent("exceptions.jsonl"), now: { clock })
        print("\nrouted with \(rules.origin):\n\(outcome.summary)")

        let relay = OutboxRelay(database: database, sink: JSONLFileSink(url: paths.outbox))
        let delivered = try await relay.deliverDue(now: clock)
        print("outbox → \(paths.outbox.path): \(delivered.delivered) confirmations delivered")

        let span = try database.exceptionTimeSpan()
        if let span {
            let report = try database.exceptionReport(from: span.first, to: span.last.addingTimeInterval(1))
            print("\n" + report.renderTable(), terminator: "")
        }
        if llmSample > 0 {
            try await DemoWorkerStage(database: database, llm: llm, perTask: llmSample, dbPath: paths.database.path).run()
        }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        print("\ndatabase: \(paths.database.path) (\(seconds) s). Next: triage report --db \(paths.database.path)")
    }
}

/// The files one demo run writes.
struct DemoPaths {
    let folder: URL
    var database: URL { folder.appendingPathComponent("triage.sqlite") }
    var data: URL { folder.appendingPathComponent("data") }
    var outbox: URL { folder.appendingPathComponent("outbox.jsonl") }

    /// Deletes what a previous run wrote, so every run starts from a fresh database.
    func removePreviousRun() throws {
        let manager = FileManager.default
        for url in [database, outbox, data] + ["-wal", "-shm"].map({ URL(fileURLWithPath: database.path + $0) })
        where manager.fileExists(atPath: url.path) {
            try manager.removeItem(at: url)
        }
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
    }
}
