import Foundation
import Logging
import PostgresNIO
import TriageCore

/// Triage's store on PostgreSQL: one connection pool shared by every task of a process, for deployments with many
/// worker and server processes on one database. Implements the same ports as the SQLite store, one at a time (see
/// docs/decisions.md for which are ported).
public final class PostgresStore: Sendable {
    /// Where the store lives (its URL without the password is `location.redacted`).
    public let location: PostgresLocation
    /// PostgresNIO's pool; it serves queries only while `run()` is running (`withStore` does that).
    let client: PostgresClient
    let logger: Logger

    /// A store on `location` with a pool of at most `connections` connections.
    public init(_ location: PostgresLocation, connections: Int = 8, logger: Logger) {
        self.location = location
        self.logger = logger
        self.client = PostgresClient(configuration: location.configuration(connections: connections), backgroundLogger: logger)
    }

    /// Runs the pool, migrates the schema, runs `body` with the store, then shuts the pool down.
    public static func withStore<T: Sendable>(
        _ location: PostgresLocation, connections: Int = 8, logger: Logger = Logger(label: "triage.postgres"),
        _ body: @Sendable (PostgresStore) async throws -> T
    ) async throws -> T {
        try await withPool(location, connections: connections, logger: logger) { store in
            try await PostgresSchema.migrate(store.client, logger: logger)
            return try await body(store)
        }
    }

    /// Runs the pool for the duration of `body`, without migrating.
    private static func withPool<T: Sendable>(
        _ location: PostgresLocation, connections: Int, logger: Logger,
        _ body: @Sendable (PostgresStore) async throws -> T
    ) async throws -> T {
        let store = PostgresStore(location, connections: connections, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await store.client.run() }
            defer { group.cancelAll() }
            return try await body(store)
        }
    }

    /// Drops and recreates the schema named in the URL (`?schema=`), for tests and benchmarks that need an empty
    /// store; refuses without one, so it can never empty `public`.
    public static func resetSchema(_ location: PostgresLocation, logger: Logger = Logger(label: "triage.postgres")) async throws {
        try await onSchema(location, logger: logger, ["DROP SCHEMA IF EXISTS %@ CASCADE", "CREATE SCHEMA %@"])
    }

    /// Drops the schema named in the URL (`?schema=`) and all it holds; refuses without one.
    public static func dropSchema(_ location: PostgresLocation, logger: Logger = Logger(label: "triage.postgres")) async throws {
        try await onSchema(location, logger: logger, ["DROP SCHEMA IF EXISTS %@ CASCADE"])
    }

    /// Runs `statements`, with `%@` standing for the URL's schema, on a connection outside that schema.
    private static func onSchema(_ location: PostgresLocation, logger: Logger, _ statements: [String]) async throws {
        guard let schema = location.schema else {
            throw PostgresLocationError(description: "this needs a URL with ?schema=NAME; public is never dropped")
        }
        var bare = location
        bare.schema = nil
        try await withPool(bare, connections: 1, logger: logger) { store in
            for statement in statements {
                let sql = statement.replacingOccurrences(of: "%@", with: schema)
                try await store.client.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            }
        }
    }
}
