import Foundation
import Logging
import TriageCore
import TriagePostgres
import TriageStore

/// The store a queue benchmark runs on: a SQLite file or a PostgreSQL schema, named by `--db`.
public enum QueueBenchStore: Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// `postgres://…` selects PostgreSQL, in the URL's schema or else `triage_bench` (never `public`, because the
    /// benchmark empties it); anything else is a SQLite file path.
    public init(_ text: String) throws {
        guard PostgresLocation.isURL(text) else {
            self = .sqlite(path: text)
            return
        }
        var location = try PostgresLocation(url: text)
        location.schema = location.schema ?? "triage_bench"
        self = .postgres(location)
    }

    /// The argument that names this store to a child process.
    public var argument: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let location): location.urlWithSchema
        }
    }

    public var description: String {
        switch self {
        case .sqlite(let path): "SQLite WAL file \(path)"
        case .postgres(let location): "PostgreSQL \(location.redacted)"
        }
    }

    /// Empties the store and seeds `jobs` queued jobs.
    func reset(jobs: Int) async throws {
        switch self {
        case .sqlite(let path):
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                try FileManager.default.removeItem(atPath: path + suffix)
            }
        case .postgres(let location):
            try await PostgresStore.resetSchema(location, logger: Self.logger)
        }
        try await withQueue(connections: 2) { store in try await BenchQueueSeed.seed(store, count: jobs) }
    }

    /// Runs `body` with the store's queue, on a pool of at most `connections` connections for PostgreSQL.
    func withQueue<T: Sendable>(
        connections: Int, _ body: @Sendable (any AIJobQueue & AIJobIntake & QueueTally) async throws -> T
    ) async throws -> T {
        switch self {
        case .sqlite(let path):
            return try await body(try AppDatabase.open(path: path))
        case .postgres(let location):
            return try await PostgresStore.withStore(location, connections: connections, logger: Self.logger) {
                try await body($0)
            }
        }
    }

    private static var logger: Logger {
        var logger = Logger(label: "triage.bench.postgres")
        logger.logLevel = .warning
        return logger
    }
}

/// What a benchmark reads back to check that every job was done once: cards per status (`open` once the
/// suggestion is written).
public protocol QueueTally: Sendable {
    /// Cards per status.
    func cardCountsByStatus() async throws -> [String: Int]
}

extension AppDatabase: QueueTally {}
extension PostgresStore: QueueTally {}
