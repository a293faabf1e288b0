import ArgumentParser
import Foundation
import TriageCore
import TriagePostgres
import TriageRules
import TriageStore

/// What `triage worker` and `triage status` need from a store; both stores provide it.
typealias WorkerStore = AIJobQueue & WorkerReference & ResponseCache & OperationsStatusReading

/// What `triage ingest` and `triage outbox deliver` need from a store; both stores provide it.
typealias IntakeStore = RoutingStore & OutboxQueue & OutboxAdmin & ReferenceWriting

/// What `triage serve` and `triage users` need from a store; both stores provide it.
typealias ServeStore = ReviewStore & RoutingStore & OperationsStatusReading & ExceptionLogReading & HarvestReading
    & DemoLabelReading

/// Where the database and the rules file are.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "SQLite database file or postgres:// URL (default: $TRIAGE_DB or ./triage.sqlite).")
    var db: String?

    /// The database path or URL after defaults.
    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["TRIAGE_DB"] ?? "triage.sqlite"
    }

    /// The store for messages: the file path, or the URL without its password.
    var displayName: String {
        (try? postgresLocation())?.redacted ?? databasePath
    }

    /// The PostgreSQL store named by `--db`, or nil for a SQLite file.
    func postgresLocation() throws -> PostgresLocation? {
        guard PostgresLocation.isURL(databasePath) else { return nil }
        do {
            return try PostgresLocation(url: databasePath)
        } catch {
            throw CLIError.badInput("bad --db (or TRIAGE_DB): \(error)")
        }
    }

    /// Runs `body` on the store `--db` names, SQLite or PostgreSQL, for the commands both stores serve; with
    /// `listen`, also with the store's job announcements when it has them (PostgreSQL's `LISTEN/NOTIFY`, which holds
    /// one connection while `body` runs).
    func withWorkerStore<T: Sendable>(
        listen: Bool = false, waitForServer: Bool = false,
        _ body: @Sendable (any WorkerStore, (any JobArrivals)?) async throws -> T
    ) async throws -> T {
        guard let location = try postgresLocation() else { return try await body(try openExisting(), nil) }
        return try await onPostgres(location, existing: true, waitForServer: waitForServer) { store in
            guard listen else { return try await body(store, nil) }
            return try await PostgresJobArrivals.listening(on: store) { try await body(store, $0) }
        }
    }

    /// Runs `body` on the store `--db` names for storing and routing exceptions and delivering the outbox: a SQLite
    /// file (created if missing) or PostgreSQL.
    func withIntakeStore<T: Sendable>(
        existing: Bool = false, waitForServer: Bool = false, _ body: @Sendable (any IntakeStore) async throws -> T
    ) async throws -> T {
        guard let location = try postgresLocation() else { return try await body(existing ? try openExisting() : try open()) }
        return try await onPostgres(location, existing: existing, waitForServer: waitForServer) { try await body($0) }
    }

    /// Runs `body` on the store `--db` names for serving reviewers and webhooks: an existing SQLite file, or
    /// PostgreSQL, where any number of servers share sessions, card locks and decisions. A SQLite file is created
    /// when missing unless `existing` (commands that only read or add to a store).
    func withServeStore<T: Sendable>(
        existing: Bool = false, waitForServer: Bool = false, _ body: @Sendable (any ServeStore) async throws -> T
    ) async throws -> T {
        guard let location = try postgresLocation() else { return try await body(existing ? try openExisting() : try open()) }
        return try await onPostgres(location, existing: existing, waitForServer: waitForServer) { try await body($0) }
    }

    /// Runs `body` on the PostgreSQL store at `location` (which must hold a Triage store already when `existing`); a
    /// store failure names the store (without its password).
    private func onPostgres<T: Sendable>(
        _ location: PostgresLocation, existing: Bool, waitForServer: Bool = false,
        _ body: @Sendable (PostgresStore) async throws -> T
    ) async throws -> T {
        do {
            return try await PostgresStore.withStore(
                location, existing: existing, waitForServer: waitForServer ? Self.serverWait : .zero, body)
        } catch let error as CLIError {
            throw error
        } catch let error as ExitCode {
            throw error
        } catch {
            throw CLIError("PostgreSQL store \(location.redacted): \(error)")
        }
    }

    /// Opens an existing database (migrating it): for commands that read or decide, which never create one, so a
    /// mistyped `--db` is an error rather than a new empty file.
    func openExisting() throws -> AppDatabase {
        try refusePostgres()
        guard FileManager.default.fileExists(atPath: databasePath) else {
            let demo = "demo/triage.sqlite"
            let hint = FileManager.default.fileExists(atPath: demo)
                ? "the demo's database is \(demo): pass --db \(demo) (or set TRIAGE_DB)"
                : "create one with `triage demo` (then pass --db demo/triage.sqlite), `triage load` or `triage ingest`, "
                    + "or point --db (or TRIAGE_DB) at an existing file"
            throw CLIError("no database at \(databasePath): \(hint)")
        }
        return try open()
    }

    /// Opens (creating and migrating) the database: for `load`, `ingest`, `demo`, `serve` and `db` commands.
    func open() throws -> AppDatabase {
        try refusePostgres()
        do {
            return try AppDatabase.open(path: databasePath)
        } catch let file as CocoaError {
            throw CLIError.badInput("cannot open database \(databasePath): \(FileErrorText.describe(file))")
        } catch {
            throw CLIError.badInput("cannot open database \(databasePath): \(error); point --db (or TRIAGE_DB) at a SQLite file or a postgres:// URL")
        }
    }
}

extension StoreOptions {
    /// How long a long-running command (worker, serve, ingest, outbox deliver) waits for a PostgreSQL server it
    /// cannot reach at start, as it rides out a restart while running; one-shot commands fail at once.
    static let serverWait: Duration = .seconds(60)

    /// Every store command takes a URL; only `db copy --from` (a SQLite file into PostgreSQL) must name a file, and
    /// says so instead of treating the URL as a file name.
    private func refusePostgres() throws {
        guard PostgresLocation.isURL(databasePath) else { return }
        throw CLIError.badInput(
            "\(displayName) is a PostgreSQL URL; db copy --from reads a SQLite file (`triage demo` makes one), "
                + "see the README's PostgreSQL section")
    }
}

/// Where the routing table is: `--rules`, `$TRIAGE_RULES`, `./rules.yaml`, else the built-in table.
struct RulesOptions: ParsableArguments {
    @Option(name: .long, help: "Rules file (default: $TRIAGE_RULES, ./rules.yaml if present, else the built-in table).")
    var rules: String?

    /// Where the table comes from, after defaults.
    var origin: ConfigurationOrigin {
        .resolve(
            flag: rules, variable: "TRIAGE_RULES", environment: ProcessInfo.processInfo.environment,
            defaultName: "rules.yaml")
    }

    /// Loads and validates the routing table, or fails with every problem listed.
    func load() throws -> RoutingTable {
        do {
            return try RoutingTable.load(from: origin)
        } catch {
            throw CLIError.badInput("\(error)")
        }
    }
}

