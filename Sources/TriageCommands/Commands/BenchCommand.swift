import ArgumentParser
import TriageBench
import TriagePostgres

/// `triage bench route`: ingest + route throughput, measured on real SQLite files or on PostgreSQL.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure throughput (build with -c release).", subcommands: [Route.self, BenchWorkerCommand.self, BenchQueueCommand.self, BenchQueueDrainCommand.self])

    struct Route: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse, validate, store and route generated exceptions from a JSONL file; median of runs.")

        @Option(help: "Exceptions per run.")
        var count = 100_000

        @Option(help: "Number of runs; the median is reported.")
        var runs = 5

        @OptionGroup var rules: RulesOptions

        @Option(help: "Run on this PostgreSQL URL instead of SQLite files; its ?schema= (default triage_bench_route) is emptied each run.")
        var postgres: String?

        @Option(help: "Ingest streams at once on PostgreSQL, each a share of the file.")
        var streams = 1

        func validate() throws {
            guard count > 0, runs > 0, streams > 0 else {
                throw ValidationError("--count, --runs and --streams must be positive")
            }
            guard streams == 1 || postgres != nil else { throw ValidationError("--streams needs --postgres") }
        }

        func run() async throws {
            var bench = RouteBench(table: try rules.load(), count: count, runs: runs)
            if let postgres {
                var location = try PostgresLocation(url: postgres)
                location.schema = location.schema ?? "triage_bench_route"
                location.callTimeout = .seconds(3_600)
                bench.postgres = location
            }
            bench.streams = streams
            try await bench.run()
        }
    }
}
