import ArgumentParser
import Foundation
import TriageBench

/// `triage bench queue`: claim + card + ack per second with 1, 2, 4… worker processes on SQLite or PostgreSQL.
struct BenchQueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Measure queue claim + card + ack throughput across worker processes, on SQLite or PostgreSQL.",
        discussion: """
            Seeds --jobs queued jobs, then drains them with N child processes for each N in --processes. Each child \
            claims --batch jobs at a time in --concurrency loops and acks each with a suggestion on its card, in one \
            transaction, as the worker does, with no model call. Every run checks that each job was acked once. \
            --db postgres://… uses the URL's ?schema= or else triage_bench, which it empties; a path is a SQLite \
            file, which it replaces.
            """)

    @Option(help: "The store: a SQLite file path or a postgres:// URL (default: $TRIAGE_DB).")
    var db: String?

    @Option(help: "Jobs seeded per run.")
    var jobs = 20_000

    @Option(help: "Comma-separated worker process counts.")
    var processes = "1,2,4"

    @Option(help: "Jobs per claim.")
    var batch = 50

    @Option(help: "Claim-and-ack loops per process.")
    var concurrency = 4

    @Option(help: "Runs per process count; the median is reported.")
    var runs = 3

    @Option(help: "Ack each job in its own transaction (each) or each claimed batch in one (batch).")
    var ack: AckMode = .batch

    func validate() throws {
        guard jobs > 0, batch > 0, runs > 0, (1...64).contains(concurrency) else {
            throw ValidationError("--jobs, --batch and --runs must be positive and --concurrency 1…64")
        }
        guard !processCounts.isEmpty, processCounts.allSatisfy({ (1...64).contains($0) }) else {
            throw ValidationError("--processes must list counts from 1 to 64, e.g. 1,2,4")
        }
    }

    private var processCounts: [Int] {
        processes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    func run() async throws {
        guard let target = db ?? ProcessInfo.processInfo.environment["TRIAGE_DB"] else {
            throw CLIError.badInput("name the store with --db PATH_OR_URL (or TRIAGE_DB)")
        }
        let settings = QueueBench.Settings(
            store: try QueueBenchStore(target), jobs: jobs, processes: processCounts, batch: batch,
            concurrency: concurrency, runs: runs, ack: ack)
        print("load average at start: \(BenchMachine.loadAverage())")
        try await QueueBench(settings: settings, executable: try Executable.url()).run()
        print("load average at end: \(BenchMachine.loadAverage())")
    }
}

/// `triage bench queue-drain`: one child process of `bench queue` (the store comes in its environment).
struct BenchQueueDrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue-drain", abstract: "A child process of `triage bench queue`.", shouldDisplay: false)

    @Option var owner: String
    @Option var batch: Int
    @Option var concurrency: Int
    @Option var ack: AckMode
    @Option var leaseSeconds: Double = 300
    @Option var maxAttempts = 4

    func run() async throws {
        guard let target = ProcessInfo.processInfo.environment[QueueBench.storeVariable] else {
            throw CLIError.badInput("\(QueueBench.storeVariable) is not set: run `triage bench queue` instead")
        }
        var drain = QueueDrain(
            store: try QueueBenchStore(target), owner: owner, batch: batch, concurrency: concurrency, ack: ack)
        (drain.leaseSeconds, drain.maxAttempts) = (leaseSeconds, maxAttempts)
        print(String(decoding: try JSONEncoder().encode(try await drain.run()), as: UTF8.self))
    }
}

extension AckMode: ExpressibleByArgument {}

/// This program's own file, for spawning children of the same build.
enum Executable {
    static func url() throws -> URL {
        guard let url = Bundle.main.executableURL else { throw CLIError("cannot find this program's own file") }
        return url
    }
}
