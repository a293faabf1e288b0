import ArgumentParser
import Foundation
import TriageCore
import TriagePostgres
import TriageStore

/// `triage db`: moving a store.
struct DBCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Move a store: copy a SQLite database into PostgreSQL.",
        subcommands: [DBCopyCommand.self])
}

/// `triage db copy --from PATH --to URL`: every table of a SQLite database into an empty PostgreSQL store, in one
/// transaction, with each table's row count checked before it commits.
struct DBCopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a SQLite database into an empty PostgreSQL store, checking every table's row count.")

    @Option(help: "The SQLite database file to copy.")
    var from: String

    @Option(help: "The PostgreSQL store to copy into (postgres://user:password@host/db); it must hold no rows yet.")
    var to: String

    @Option(help: "Rows per insert statement.")
    var chunk = 1_000

    func validate() throws {
        guard (1...2_000).contains(chunk) else { throw ValidationError("--chunk must be 1…2000") }
        guard !PostgresLocation.isURL(from) else {
            throw ValidationError("--from must be a SQLite file; copying out of PostgreSQL is not supported")
        }
    }

    func run() async throws {
        let source = try StoreOptions(db: from).openExisting()
        let target = try StoreOptions(db: to).postgresLocation()
        guard let target else { throw CLIError.badInput("--to must be a postgres:// URL, not \(to)") }
        let started = ContinuousClock.now
        do {
            let counts = try await PostgresStore.withStore(target) { store in
                try await StoreCopy(chunkSize: chunk).copy(from: source, to: store) { count in
                    print("\(count.table): \(count.target) rows")
                }
            }
            let rows = counts.map(\.target).reduce(0, +)
            let elapsed = started.duration(to: .now).components
            let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
            print(
                "copied \(rows) rows in \(counts.count) tables to \(target.redacted) in "
                    + String(format: "%.1f s", seconds) + "; every count matches")
        } catch {
            throw CLIError("copy to \(target.redacted) stopped, nothing kept: \(error)")
        }
    }
}

extension StoreOptions {
    /// Options naming one database, for commands with more than one (`db copy`).
    init(db: String) {
        self.init()
        self.db = db
    }
}
