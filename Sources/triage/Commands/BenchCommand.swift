import ArgumentParser
import TriageBench

/// `triage bench route`: ingest + route throughput, measured on real SQLite files.
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

        func validate() throws {
            guard count > 0, runs > 0 else { throw ValidationError("--count and --runs must be positive") }
        }

        func run() async throws {
            try await RouteBench(table: try rules.load(), count: count, runs: runs).run()
        }
    }
}
