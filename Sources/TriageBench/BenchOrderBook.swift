import Foundation
import TriageCore
import TriageDemo
import TriageStore

/// A large generated order book in a SQLite file, cached in the temporary directory between benchmark runs.
///
/// The file name carries the order count, the number of schema migrations and a data version, so a schema or
/// generator change builds a new file; a marker file written last says the build finished.
struct BenchOrderBook {
    /// Bump when the generated data changes shape.
    static let dataVersion = 1
    /// Orders written per transaction (and per temporary JSONL chunk).
    static let chunkSize = 50_000

    let orders: Int

    /// Opens the cached book, building it first when there is none.
    func open() throws -> AppDatabase {
        let path = try databasePath()
        let marker = path + ".complete"
        if FileManager.default.fileExists(atPath: marker) {
            print("  order book: cached \(path)")
            return try AppDatabase.open(path: path)
        }
        for suffix in ["", "-wal", "-shm"] { Scratch.remove(URL(fileURLWithPath: path + suffix)) }
        let database = try AppDatabase.open(path: path)
        try build(into: database)
        try Data().write(to: URL(fileURLWithPath: marker))
        return database
    }

    private func databasePath() throws -> String {
        let migrations = try AppDatabase.inMemory().appliedMigrations().count
        let name = "triage-bench-orders-\(orders)-m\(migrations)-v\(Self.dataVersion).sqlite"
        return FileManager.default.temporaryDirectory.appendingPathComponent(name).path
    }

    /// Generates the demo dataset at this size (about 2.5 orders per customer over two years) and loads its
    /// products and orders.
    private func build(into database: AppDatabase) throws {
        print("  order book: generating \(orders) orders (first run only; cached afterwards)")
        var start = ContinuousClock.now
        let configuration = DemoConfiguration(
            customers: max(orders * 2 / 5, 1), orders: orders, orderHistoryDays: 730, exceptionsPerDay: 0)
        let dataset = DemoDataset.generate(configuration)
        print(String(format: "  order book: generated in %.1f s", BenchMachine.seconds(since: start)))
        start = ContinuousClock.now
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("triage-bench-chunks-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { Scratch.remove(folder) }
        let loader = ReferenceLoader(database: database)
        try load(dataset.products, as: "products.jsonl", loader: loader, folder: folder)
        for first in stride(from: 0, to: dataset.orders.count, by: Self.chunkSize) {
            let chunk = Array(dataset.orders[first..<min(first + Self.chunkSize, dataset.orders.count)])
            try load(chunk, as: "orders.jsonl", loader: loader, folder: folder)
        }
        print(String(format: "  order book: loaded into SQLite in %.1f s", BenchMachine.seconds(since: start)))
    }

    private func load<T: Encodable>(_ values: [T], as name: String, loader: ReferenceLoader, folder: URL) throws {
        let file = folder.appendingPathComponent("chunk-" + name)
        try FixtureWriter.jsonLines(values).write(to: file)
        let result = try loader.load(file: file, as: name)
        guard result.errors.isEmpty, result.loaded == values.count else {
            throw BenchError("order book: \(result.errors.count) of \(values.count) records rejected in \(name)")
        }
    }
}
