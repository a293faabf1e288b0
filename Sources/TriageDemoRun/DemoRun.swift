import Foundation
import TriageCore
import TriageDemo
import TriageRules
import TriageStore

/// The demo up to its AI stage: a seeded dataset generated, loaded and routed into a fresh database, the outbox
/// delivered to a file, and the report printed.
public struct DemoRun {
    let paths: DemoPaths
    let seed: UInt64
    let table: RoutingTable
    let rulesOrigin: ConfigurationOrigin

    /// A run writing below `paths` from `seed`, routing with `table` (named by `rulesOrigin` in the output).
    public init(paths: DemoPaths, seed: UInt64, table: RoutingTable, rulesOrigin: ConfigurationOrigin) {
        self.paths = paths
        self.seed = seed
        self.table = table
        self.rulesOrigin = rulesOrigin
    }

    /// Runs the stages, printing each one's outcome; returns the database for the worker stage.
    public func run() async throws -> AppDatabase {
        let clock = DemoConfiguration(seed: seed).end
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
        print("\nrouted with \(rulesOrigin):\n\(outcome.summary)")

        let relay = OutboxRelay(queue: database, sink: JSONLFileSink(url: paths.outbox))
        let delivered = try await relay.deliverAllDue(now: clock)
        let left = delivered.failed + delivered.retrying
        print("outbox → \(paths.outbox.path): \(delivered.delivered) confirmations delivered"
            + (left > 0 ? ", \(left) not (see `triage outbox list`)" : ""))

        if let span = try await database.exceptionTimeSpan() {
            let report = try await database.exceptionReport(from: span.start, to: span.end.addingTimeInterval(1))
            print("\n" + report.renderTable(), terminator: "")
        }
        return database
    }
}
