import ArgumentParser
import Foundation
import TriageCore
import TriageRules
import TriageStore

/// Where the database and the rules file are.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite database file (default: $TRIAGE_DB or ./triage.sqlite).")
    var db: String?

    /// The database path after defaults.
    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["TRIAGE_DB"] ?? "triage.sqlite"
    }

    /// Opens an existing database (migrating it): for commands that read or decide, which never create one, so a
    /// mistyped `--db` is an error rather than a new empty file.
    func openExisting() throws -> AppDatabase {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw CLIError(
                "no database at \(databasePath): create one with `triage demo`, `triage load` or `triage ingest`, "
                    + "or point --db (or TRIAGE_DB) at an existing file")
        }
        return try open()
    }

    /// Opens (creating and migrating) the database: for `load`, `ingest`, `demo`, `serve` and `db` commands.
    func open() throws -> AppDatabase {
        do {
            return try AppDatabase.open(path: databasePath)
        } catch {
            throw CLIError("cannot open database \(databasePath): \(error)")
        }
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
            throw CLIError("\(error)")
        }
    }
}

/// An error the command line prints as it is, without a stack or internals.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
