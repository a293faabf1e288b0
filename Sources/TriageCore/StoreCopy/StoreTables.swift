import Foundation

/// One stored value as both stores hold it: SQLite's storage classes, which the PostgreSQL store's columns mirror
/// (`BIGINT`, `DOUBLE PRECISION`, `TEXT`).
public enum StoredValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// A slice of one table's rows in primary-key order, with the key of its last row to continue after.
public struct TableChunk: Sendable {
    /// The rows, each in the column order asked for.
    public var rows: [[StoredValue]]
    /// The primary key of the last row, or nil when the chunk is empty.
    public var lastKey: [StoredValue]?

    /// Creates a chunk.
    public init(rows: [[StoredValue]], lastKey: [StoredValue]?) {
        self.rows = rows
        self.lastKey = lastKey
    }
}

/// A store whose tables can be read row by row, for `triage db copy`.
public protocol StoreTableReading: Sendable {
    /// Every table holding Triage's data (not the migration bookkeeping).
    func tableNames() async throws -> [String]
    /// The columns of a table, in declaration order.
    func columns(of table: String) async throws -> [String]
    /// How many rows a table holds.
    func rowCount(of table: String) async throws -> Int
    /// Up to `limit` rows of `table` after the primary key `after` (from the start when nil), in key order.
    func rows(of table: String, columns: [String], after: [StoredValue]?, limit: Int) async throws -> TableChunk
}

/// A store that takes a whole copy in one transaction: rows table by table, then its id sequences moved past the
/// copied ids.
public protocol StoreTableLoading: Sendable {
    /// Runs `body` in one transaction on the target store; nothing is kept unless `body` returns.
    func withTableLoad<T: Sendable>(_ body: @Sendable (any StoreTableLoad) async throws -> T) async throws -> T
}

/// One open copy transaction on the target store.
public protocol StoreTableLoad: Sendable {
    /// The columns of a table in the target.
    func columns(of table: String) async throws -> [String]
    /// How many rows a table holds in the target, inside this transaction.
    func rowCount(of table: String) async throws -> Int
    /// Inserts rows, each in `columns` order.
    func insert(into table: String, columns: [String], rows: [[StoredValue]]) async throws
    /// Ends the load: moves every id sequence past the highest id copied, so the next row inserted gets a fresh id,
    /// and refreshes the planner's statistics for the new rows.
    func finishLoad() async throws
}
