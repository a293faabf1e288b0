import Foundation
import Logging
import TriageCore
import TriageDemo
import TriagePostgres
import TriageRules
import TriageStore

/// Ingest + route throughput on real SQLite files, or on PostgreSQL: generated exceptions in a JSON Lines file,
/// parsed, validated, stored and routed; the median of several runs.
public struct RouteBench {
    /// The routing table the exceptions go through.
    public let table: RoutingTable
    /// Exceptions per run.
    public let count: Int
    /// Runs; the median is reported.
    public let runs: Int
    /// When set, the runs go to this PostgreSQL store (its schema emptied before each run) instead of SQLite files.
    public var postgres: PostgresLocation?
    /// Ingest streams at once on PostgreSQL, each a part of the file (SQLite has one writer).
    public var streams = 1

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
        let store = postgres.map { "PostgreSQL \($0.redacted), \(streams) stream(s)" } ?? "SQLite WAL file"
        print(
            String(
                format: "bench route: %d exceptions × %d runs, median %.0f exceptions/s (ingest + route, %@)",
                count, runs, median, store))
    }

    private func measure(run: Int, folder: URL, input: URL) async throws -> Double {
        guard let postgres else { return try await measureSQLite(run: run, folder: folder, input: input) }
        return try await measurePostgres(postgres, folder: folder, input: input)
    }

    private func measureSQLite(run: Int, folder: URL, input: URL) async throws -> Double {
        let path = folder.appendingPathComponent("run-\(run).sqlite").path
        // Each run starts as the first did: the runs before it leave no files (and no cached pages) behind.
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let database = try AppDatabase.open(path: path)
        _ = try ReferenceLoader(database: database).load(directory: folder)
        let ingestion = Ingestion(service: RoutingService(table: table, store: database))
        let clock = ContinuousClock()
        let parse = try clock.measure { _ = try ExceptionFileReader.read(contentsOf: input) }
        let (start, cpuStart) = (clock.now, BenchMachine.cpuSeconds())
        let outcome = try await ingestion.ingest(file: input)
        try database.checkpoint()
        let (elapsed, cpu) = (clock.now - start, BenchMachine.cpuSeconds() - cpuStart)
        print("  parse + validate alone: \(parse); cascade escalations raised: \(outcome.summary.cascades)")
        print(String(format: "  CPU (both cores) %.2f s = %.1f µs per exception", cpu, cpu / Double(count) * 1e6))
        guard outcome.summary.inserted == count else {
            throw BenchError("bench stored \(outcome.summary.inserted) of \(count) exceptions")
        }
        return Double(count) / elapsed.seconds
    }

    /// One run on PostgreSQL: the schema emptied, the reference data copied in from a SQLite file, then `streams`
    /// ingests of interleaved parts of the file at once, through one pool.
    private func measurePostgres(_ location: PostgresLocation, folder: URL, input: URL) async throws -> Double {
        var logger = Logger(label: "triage.bench")
        logger.logLevel = .warning
        let reference = try referenceFile(folder)
        try await PostgresStore.resetSchema(location, logger: logger)
        let parts = try split(input, into: streams, folder: folder)
        let (table, count) = (table, count)
        return try await PostgresStore.withStore(location, connections: max(8, streams * 2), logger: logger) { store in
            _ = try await StoreCopy(chunkSize: 20_000).copy(from: reference, to: store)
            let start = ContinuousClock.now
            let stored = try await withThrowingTaskGroup(of: Int.self) { group in
                for part in parts {
                    group.addTask {
                        let ingestion = Ingestion(service: RoutingService(table: table, store: store))
                        return try await ingestion.ingest(file: part).summary.inserted
                    }
                }
                return try await group.reduce(0, +)
            }
            let elapsed = ContinuousClock.now - start
            guard stored == count else { throw BenchError("bench stored \(stored) of \(count) exceptions") }
            return Double(count) / elapsed.seconds
        }
    }

    /// The reference data in a SQLite file of its own, loaded once per benchmark, the source of each run's copy.
    private func referenceFile(_ folder: URL) throws -> AppDatabase {
        let path = folder.appendingPathComponent("reference.sqlite").path
        let exists = FileManager.default.fileExists(atPath: path)
        let database = try AppDatabase.open(path: path)
        if !exists { _ = try ReferenceLoader(database: database).load(directory: folder) }
        return database
    }

    /// The input's lines dealt round-robin into `parts` files (the input itself when one).
    private func split(_ input: URL, into parts: Int, folder: URL) throws -> [URL] {
        guard parts > 1 else { return [input] }
        let lines = try String(contentsOf: input, encoding: .utf8).split(separator: "\n")
        return try (0..<parts).map { part in
            let url = folder.appendingPathComponent("part-\(part).jsonl")
            let mine = lines.enumerated().filter { $0.offset % parts == part }.map(\.element)
            try Data(mine.joined(separator: "\n").utf8).write(to: url)
            return url
        }
    }
}
