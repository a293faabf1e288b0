import Foundation
import GRDB
import TriageCore

extension AppDatabase: StoreTableReading {
    /// Every table but SQLite's and GRDB's bookkeeping.
    public func tableNames() async throws -> [String] {
        try await writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master
                    WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations' ORDER BY name
                    """)
        }
    }

    /// The columns of a table, in declaration order.
    public func columns(of table: String) async throws -> [String] {
        try await writer.read { db in try db.columns(in: table).map(\.name) }
    }

    /// How many rows a table holds.
    public func rowCount(of table: String) async throws -> Int {
        try await writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0 }
    }

    /// Up to `limit` rows after `after` in primary-key order (row-value comparison, so each chunk is one index
    /// range scan however far into the table it starts).
    public func rows(of table: String, columns: [String], after: [StoredValue]?, limit: Int) async throws -> TableChunk {
        try await writer.read { db in
            let key = try db.primaryKey(table).columns
            let keyList = key.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
            let selected = (columns + key).map(\.quotedDatabaseIdentifier).joined(separator: ", ")
            var sql = "SELECT \(selected) FROM \(table.quotedDatabaseIdentifier)"
            var arguments = StatementArguments()
            if let after {
                sql += " WHERE (\(keyList)) > (\(databaseQuestionMarks(count: key.count)))"
                arguments = StatementArguments(after.map(\.databaseValue))
            }
            sql += " ORDER BY \(keyList) LIMIT \(limit)"
            var rows: [[StoredValue]] = []
            var lastKey: [StoredValue]?
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                let values = row.databaseValues.map(StoredValue.init)
                rows.append(Array(values.prefix(columns.count)))
                lastKey = Array(values.suffix(key.count))
            }
            return TableChunk(rows: rows, lastKey: lastKey)
        }
    }
}

extension StoredValue {
    /// A value read from SQLite.
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let integer): self = .integer(integer)
        case .double(let real): self = .real(real)
        case .string(let text): self = .text(text)
        case .blob(let data): self = .blob([UInt8](data))
        }
    }

    /// The value to bind in SQLite.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let integer): integer.databaseValue
        case .real(let real): real.databaseValue
        case .text(let text): text.databaseValue
        case .blob(let bytes): Data(bytes).databaseValue
        }
    }
}
