import Foundation
import Logging
import PostgresNIO
import TriageCore

extension PostgresStore: StoreTableLoading {
    /// Runs `body` in one transaction on one connection, without the per-call deadline: a copy of a large store takes
    /// as long as its rows take, and nothing is kept unless it all commits.
    public func withTableLoad<T: Sendable>(_ body: @Sendable (any StoreTableLoad) async throws -> T) async throws -> T {
        do {
            return try await client.withTransaction(logger: logger) { connection in
                // A card may join a card with a higher id; foreign keys declared deferrable are checked at commit.
                try await connection.query("SET CONSTRAINTS ALL DEFERRED", logger: logger)
                return try await body(PostgresTableLoad(connection: connection, logger: logger))
            }
        } catch {
            throw PostgresStoreError.readable(error)  // the body's own error, not PostgresNIO's wrapper
        }
    }
}

/// One copy transaction: inserts bind each value as its column's type, so an integer lands in a `DOUBLE PRECISION`
/// column as SQLite's `REAL` affinity would have stored it.
struct PostgresTableLoad: StoreTableLoad {
    let connection: PostgresConnection
    let logger: Logger

    func columns(of table: String) async throws -> [String] {
        try await columnTypes(of: table).map(\.name)
    }

    private func columnTypes(of table: String) async throws -> [(name: String, type: String)] {
        let rows = try await connection.query(
            """
            SELECT column_name, data_type FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = \(table) ORDER BY ordinal_position
            """, logger: logger)
        return try await rows.collect().map { try $0.decode((String, String).self) }.map { (name: $0.0, type: $0.1) }
    }

    func rowCount(of table: String) async throws -> Int {
        let rows = try await connection.query(
            PostgresQuery(unsafeSQL: "SELECT COUNT(*) FROM \(try Self.identifier(table))"), logger: logger)
        return Int(try await rows.collect().first?.decode(Int64.self) ?? 0)
    }

    func insert(into table: String, columns: [String], rows: [[StoredValue]]) async throws {
        let types = Dictionary(uniqueKeysWithValues: try await columnTypes(of: table).map { ($0.name, $0.type) })
        var values = ValuesList()
        for (index, row) in rows.enumerated() {
            try values.add { binds in
                for (column, value) in zip(columns, row) {
                    do {
                        try Self.bind(value, as: types[column] ?? "text", into: &binds)
                    } catch {
                        throw PostgresRowError(description: "\(table) row \(index + 1) of its chunk, \(column): \(error)")
                    }
                }
            }
        }
        let names = try columns.map(Self.identifier).joined(separator: ", ")
        try await connection.query(values.query("INSERT INTO \(try Self.identifier(table)) (\(names))", ""), logger: logger)
    }

    func advanceSequences() async throws {
        let serials = try await connection.query(
            """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'
            """, logger: logger
        ).collect().map { try $0.decode((String, String).self) }
        for (table, column) in serials {
            let (name, key) = (try Self.identifier(table), try Self.identifier(column))
            try await connection.query(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT setval(pg_get_serial_sequence('\(name)', '\(column)'),
                          COALESCE((SELECT MAX(\(key)) FROM \(name)), 0) + 1, false)
                        """), logger: logger)
        }
    }

    /// Binds a value as the PostgreSQL type of its column.
    private static func bind(_ value: StoredValue, as type: String, into binds: inout PostgresBindings) throws {
        switch (type, value) {
        case ("bigint", .null): binds.append(Int64?.none)
        case ("bigint", .integer(let integer)): binds.append(integer)
        case ("double precision", .null): binds.append(Double?.none)
        case ("double precision", .integer(let integer)): binds.append(Double(integer))
        case ("double precision", .real(let real)): binds.append(real)
        case ("text", .null): binds.append(String?.none)
        case ("text", .text(let text)): binds.append(text)
        case ("bytea", .null): binds.append(ByteBuffer?.none)
        case ("bytea", .blob(let bytes)): binds.append(ByteBuffer(bytes: bytes))
        default: throw PostgresRowError(description: "a \(value.kind) value does not fit a \(type) column")
        }
    }

    /// A table or column name quoted for SQL; names come from the schema, and one holding a quote is refused.
    static func identifier(_ name: String) throws -> String {
        guard !name.contains("\""), !name.isEmpty else {
            throw PostgresRowError(description: "not a usable SQL name: \(name)")
        }
        return "\"\(name)\""
    }
}

extension StoredValue {
    /// The storage class, for messages.
    var kind: String {
        switch self {
        case .null: "null"
        case .integer: "integer"
        case .real: "real"
        case .text: "text"
        case .blob: "blob"
        }
    }
}
