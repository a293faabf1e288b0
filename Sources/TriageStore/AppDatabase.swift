import Foundation
import GRDB
import TriageCore

/// The one owner of Triage's SQLite database: the writer and the migrations.
///
/// Production opens a `DatabasePool` in WAL mode on a file; tests use a fresh in-memory database.
public final class AppDatabase: Sendable {
    /// The connection (pool or queue) every read and write goes through.
    public let writer: any DatabaseWriter

    /// Opens a database over a writer and migrates it to the latest schema.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
    }

    /// Wraps a connection as it is, without migrating: for read-only files.
    private init(unmigrated writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Opens an existing file read-only and unmigrated, so reading it never changes its bytes (a replayed
    /// recording under version control). Throws when the file is missing or has no `table`.
    public static func openReadOnly(path: String, requiring table: String) throws -> AppDatabase {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        guard try queue.read({ try $0.tableExists(table) }) else {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "no table \(table) in \(path)")
        }
        return AppDatabase(unmigrated: queue)
    }

    /// Opens (creating if needed) the database file at `path` in WAL mode.
    public static func open(path: String) throws -> AppDatabase {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Reads map the file instead of copying pages through read(2); the page cache holds hot index pages.
            try db.execute(sql: "PRAGMA mmap_size = 1073741824")
            try db.execute(sql: "PRAGMA cache_size = -32768")
            // Each routed exception runs in a savepoint; its undo pages (the statement journal) stay in memory
            // instead of a temporary file written a page at a time.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // A batch writes thousands of pages; checkpointing every 10,000 (not 1,000) copies the hot index pages
            // to the database file once per several batches, not once per batch.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 10000")
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try AppDatabase(DatabasePool(path: path, configuration: configuration))
    }

    /// A fresh, empty in-memory database, for tests.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue())
    }

    /// The names of the migrations applied so far.
    public func appliedMigrations() throws -> [String] {
        try writer.read { db in try Self.migrator.appliedMigrations(db) }
    }
}

extension AppDatabase {
    /// Copies the write-ahead log into the database file and truncates it (what SQLite otherwise does in the
    /// background every `wal_autocheckpoint` pages); benchmarks call it so the time they report includes it.
    public func checkpoint() throws {
        try writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }
}
