import ArgumentParser
import Foundation
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

    /// Opens (creating and migrating) the database.
    func open() throws -> AppDatabase {
        do {
            return try AppDatabase.open(path: databasePath)
        } catch {
            throw CLIError("cannot open database \(databasePath): \(error)")
        }
    }
}

/// Where the routing table is.
struct RulesOptions: ParsableArguments {
    @Option(name: .long, help: "Rules file (default: $TRIAGE_RULES or ./rules.yaml).")
    var rules: String?

    /// The rules path after defaults.
    var rulesPath: String {
        rules ?? ProcessInfo.processInfo.environment["TRIAGE_RULES"] ?? "rules.yaml"
    }

    /// Loads and validates the routing table, or fails with every problem listed.
    func load() throws -> RoutingTable {
        guard FileManager.default.fileExists(atPath: rulesPath) else {
            throw CLIError("rules file not found: \(rulesPath) (pass --rules or set TRIAGE_RULES)")
        }
        do {
            return try RoutingTable.load(contentsOf: URL(fileURLWithPath: rulesPath))
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
