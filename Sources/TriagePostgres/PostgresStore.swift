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

    /// Runs the pool, migrates the schema (creating the URL's `?schema=` if it does not exist), runs `body` with the
    /// store, then shuts the pool down. PostgreSQL's errors come out as ``PostgresStoreError``, readable.
    ///
    /// One connection is opened first, so a wrong host, port, database, user or password fails within
    /// ``probeTimeout`` with the server's or the socket's own words, not after the pool's retries. With `existing`, a
    /// `?schema=` that does not exist (misspelled) is an error naming it, not a new empty store; an existing schema
    /// is migrated as always. A long-running process passes `waitForServer`: a server it cannot reach (restarting,
    /// not up yet) is tried again each second for that long, with the cause logged, before it gives up.
    public static func withStore<T: Sendable>(
        _ location: PostgresLocation, existing: Bool = false, waitForServer: Duration = .zero, connections: Int = 8,
        logger: Logger = Logger(label: "triage.postgres"), _ body: @Sendable (PostgresStore) async throws -> T
    ) async throws -> T {
        do {
            try await probe(location, existing: existing, wait: waitForServer, logger: logger)
            return try await withPool(location, connections: connections, logger: logger) { store in
                // Not the call deadline: a migration may rewrite a big table, and waits for other processes' ones.
                try await withDeadline(max(location.callTimeout, migrationTimeout), "migrate") {
                    try await PostgresSchema.migrate(store.client, schema: location.schema, logger: logger)
                }
                return try await body(store)
            }
        } catch {
            throw PostgresStoreError.readable(error)
        }
    }

    /// Runs the pool for the duration of `body`, without migrating.
    ///
    /// The pool's `run()` is cancelled when `body` ends, and waited for at most `shutdownGrace`: a pool whose
    /// connection the server terminated mid-query was seen to never return from `run()` after cancellation, and a
    /// command must still exit once its work is committed.
    private static func withPool<T: Sendable>(
        _ location: PostgresLocation, connections: Int, logger: Logger,
        _ body: @Sendable (PostgresStore) async throws -> T
    ) async throws -> T {
        let store = PostgresStore(location, connections: connections, logger: logger)
        let running = Task { await store.client.run() }
        let result: Result<T, any Error>
        do { result = .success(try await body(store)) } catch { result = .failure(error) }
        running.cancel()
        do {
            try await withDeadline(shutdownGrace, "pool shutdown") { await running.value }
        } catch {
            logger.warning("\(error); not waiting for it")
        }
        return try result.get()
    }

    /// How long the start-up probe may take to connect.
    static let probeTimeout: Duration = .seconds(10)

    /// Connects once (retrying for up to `wait` while the server cannot be reached) and, with `existing`, checks that
    /// the URL's schema exists.
    private static func probe(_ location: PostgresLocation, existing: Bool, wait: Duration, logger: Logger) async throws {
        let connection = try await connect(location, wait: wait, logger: logger)
        let schema = location.schema ?? "public"
        let found: Bool
        do {
            found = existing ? !(try await connection.query(
                "SELECT 1 FROM pg_namespace WHERE nspname = \(schema)", logger: logger).collect().isEmpty) : true
        } catch {
            try? await connection.close()
            throw error
        }
        try? await connection.close()
        guard found else {
            throw PostgresStoreError(
                description: "no schema \(schema) in database \(location.database): check ?schema=, or create the store "
                    + "with `triage db copy` or `triage ingest`")
        }
    }

    /// One connection, tried each second for up to `wait` while the server cannot be reached; a server that answers
    /// with an error (no such database, a wrong password) fails at once.
    private static func connect(_ location: PostgresLocation, wait: Duration, logger: Logger) async throws -> PostgresConnection {
        let deadline = ContinuousClock.now + wait
        while true {
            do {
                return try await PostgresConnection.connect(
                    configuration: location.connectionConfiguration(timeout: probeTimeout), id: 0, logger: logger)
            } catch {
                let cause = "cannot connect: \(PostgresStoreError.readable(error))"
                let serverAnswered = (error as? PSQLError)?.serverInfo != nil
                guard !serverAnswered, ContinuousClock.now < deadline else { throw PostgresStoreError(description: cause) }
                logger.warning("\(cause); trying again")
                try await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// How long migrating may take at least, whatever the call deadline.
    static let migrationTimeout: Duration = .seconds(600)

    /// How long a pool may take to shut down before the store stops waiting for it.
    static let shutdownGrace: Duration = .seconds(5)

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

extension PostgresStore {
    /// Terminates every other server connection that names itself `applicationName`; how many. For fault tests and
    /// for an operator draining a host.
    public func terminateConnections(applicationName: String) async throws -> Int {
        let rows = try await client.query(
            """
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE application_name = \(applicationName) AND pid <> pg_backend_pid()
            """, logger: logger)
        return try await rows.collect().count
    }
}

extension PostgresStore {
    /// Runs one store call under the location's `callTimeout`.
    func timed<T: Sendable>(_ name: String, _ call: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withDeadline(location.callTimeout, name, call)
    }
}
