import Foundation
import TriageCore
import TriageDemo
import TriageRules
import TriageStore

/// Ingest + route throughput on real SQLite files: generated exceptions in a JSON Lines file, parsed, validated,
/// stored and routed; the median of several runs.
public struct RouteBench {
    /// The routing table the exceptions go through.
    public let table: RoutingTable
    /// Exceptions per run.
    public let count: Int
    /// Runs; the median is reported.
    public let runs: Int

    /// Creates a benchmark of `runs` runs over `count` exceptions each.
    public init(table: RoutingTable, count: Int, runs: Int) {
        self.table = table
        self.count = count
        self.runs = runs
    }

    /// Runs the benchmark, printing each run and the median.
    public func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("triage-bench-\(getpid())")
        defer { Scratch.remove(folder) }
        let dataset = DemoDataset.generate()
        try FixtureWriter.write(dataset, to: folder)
        let input = folder.appendingPathComponent("bench.jsonl")
        let lines = dataset.benchmarkExceptions(count: count, seed: 7).map(ExceptionLine.init)
        try FixtureWriter.jsonLines(lines).write(to: input)
        var rates: [Double] = []
        for run in 1...runs {
            let rate = try await measure(run: run, folder: folder, input: input)
            rates.append(rate)
            print(String(format: "run %d: %.0f exceptions/s", run, rate))
        }
        let median = Statistics.median(rates) ?? 0
        print(
            String(
                format: "bench route: %d exceptions × %d runs, median %.0f exceptions/s (ingest + route, SQLite WAL file)",
                count, runs, median))
    }

    private func measure(run: Int, folder: URL, input: URL) async throws -> Double {
        let path = folder.appendingPathComponent("run-\(run).sqlite").path
        let database = try AppDatabase.open(path: path)
        _ = try ReferenceLoader(database: database).load(directory: folder)
        let ingestion = Ingestion(service: RoutingService(table: table, store: database))
        let clock = ContinuousClock()
        let parse = try clock.measure { _ = try ExceptionFileReader.read(contentsOf: input) }
        let start = clock.now
        let outcome = try await ingestion.ingest(file: input)
        try database.checkpoint()
        let elapsed = clock.now - start
        print("  parse + validate alone: \(parse); cascade escalations raised: \(outcome.summary.cascades)")
        guard outcome.summary.inserted == count else {
            throw BenchError("bench stored \(outcome.summary.inserted) of \(count) exceptions")
        }
        return Double(count) / elapsed.benchSeconds
    }
}
