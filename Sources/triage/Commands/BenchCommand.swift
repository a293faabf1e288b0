import ArgumentParser
import Foundation
import TriageCore
import TriageDemo
import TriageRules
import TriageStore

/// `triage bench route`: ingest + route throughput, measured on real SQLite files.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure throughput (build with -c release).", subcommands: [Route.self, BenchWorkerCommand.self])

    struct Route: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse, validate, store and route generated exceptions from a JSONL file; median of runs.")

        @Option(help: "Exceptions per run.")
        var count = 100_000

        @Option(help: "Number of runs; the median is reported.")
        var runs = 5

        @OptionGroup var rules: RulesOptions

        func validate() throws {
            guard count > 0, runs > 0 else { throw ValidationError("--count and --runs must be positive") }
        }

        func run() async throws {
            let table = try rules.load()
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("triage-bench-\(getpid())")
            defer { Scratch.remove(folder) }
            let dataset = DemoDataset.generate()
            try FixtureWriter.write(dataset, to: folder)
            let input = folder.appendingPathComponent("bench.jsonl")
            let lines = dataset.benchmarkExceptions(count: count, seed: 7).map(ExceptionLine.init)
            try FixtureWriter.jsonLines(lines).write(to: input)
            var rates: [Double] = []
            for run in 1...runs {
                let rate = try await measure(run: run, table: table, folder: folder, input: input)
                rates.append(rate)
                print(String(format: "run %d: %.0f exceptions/s", run, rate))
            }
            let median = Statistics.median(rates) ?? 0
            print(String(format: "bench route: %d exceptions × %d runs, median %.0f exceptions/s (ingest + route, SQLite WAL file)", count, runs, median))
        }

        private func measure(run: Int, table: RoutingTable, folder: URL, input: URL) async throws -> Double {
            let path = folder.appendingPathComponent("run-\(run).sqlite").path
            let database = try AppDatabase.open(path: path)
            _ = try ReferenceLoader(database: database).load(directory: folder)
            let ingestion = Ingestion(service: RoutingService(table: table, store: database))
            let clock = ContinuousClock()
            var outcome = IngestOutcome()
            let parse = try clock.measure { _ = try ExceptionFileReader.read(contentsOf: input) }
            let start = clock.now
            outcome = try await ingestion.ingest(file: input)
            try database.checkpoint()
            let elapsed = clock.now - start
            print("  parse + validate alone: \(parse); cascade escalations raised: \(outcome.summary.cascades)")
            guard outcome.summary.inserted == count else {
                throw CLIError("bench stored \(outcome.summary.inserted) of \(count) exceptions")
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return Double(count) / seconds
        }
    }
}
