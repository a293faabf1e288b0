import Foundation
import Synchronization
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

/// One copy transaction: rows are written as their columns' types, so an integer lands in a `DOUBLE PRECISION` column
/// as SQLite's `REAL` affinity would have stored it.
struct PostgresTableLoad: StoreTableLoad {
    let connection: PostgresConnection
    let logger: Logger
    private let typeCache = TypeCache()

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// The column types of the tables loaded so far.
    private final class TypeCache: Sendable {
        let types = Mutex([String: [String: String]]())
    }

    func columns(of table: String) async throws -> [String] {
        try await columnTypes(of: table).map(\.name)
    }

    /// Column types by name, read once per table for the whole copy rather than once per chunk.
    private func typesByColumn(of table: String) async throws -> [String: String] {
        if let known = typeCache.types.withLock({ $0[table] }) { return known }
        let types = Dictionary(uniqueKeysWithValues: try await columnTypes(of: table).map { ($0.name, $0.type) })
        typeCache.types.withLock { $0[table] = types }
        return types
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

    /// Streams the rows with `COPY … FROM STDIN` (text format): many times faster than multi-row inserts for the
    /// millions of rows of a large store's candidate index.
    func insert(into table: String, columns: [String], rows: [[StoredValue]]) async throws {
        let types = try await typesByColumn(of: table)
        var text = ""
        text.reserveCapacity(rows.count * 64)
        for (index, row) in rows.enumerated() {
            for (position, (column, value)) in zip(columns, row).enumerated() {
                if position > 0 { text += "\t" }
                do {
                    text += try Self.copyText(value, as: types[column] ?? "text")
                } catch {
                    throw PostgresRowError(description: "\(table) row \(index + 1) of its chunk, \(column): \(error)")
                }
            }
            text += "\n"
        }
        _ = try Self.identifier(table)
        try columns.forEach { _ = try Self.identifier($0) }
        try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
            try await writer.write(ByteBuffer(string: text))
        }
    }

    /// One value in `COPY`'s text format, as the PostgreSQL type of its column.
    static func copyText(_ value: StoredValue, as type: String) throws -> String {
        switch (type, value) {
        case (_, .null): return "\\N"
        case ("bigint", .integer(let integer)): return String(integer)
        case ("double precision", .integer(let integer)): return String(integer)
        case ("double precision", .real(let real)) where real.isFinite: return "\(real)"
        case ("text", .text(let text)): return escaped(text)
        case ("bytea", .blob(let bytes)): return "\\\\x" + bytes.map { String(format: "%02x", $0) }.joined()
        default: throw PostgresRowError(description: "a \(value.kind) value does not fit a \(type) column")
        }
    }

    /// Text with COPY's special characters escaped: backslash, tab, newline and carriage return.
    private static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { "\\\t\n\r".unicodeScalars.contains($0) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for character in text.unicodeScalars {
            switch character {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    func finishLoad() async throws {
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
        // Without statistics the planner guesses at tables that were empty when it last looked.
        let tables = try await connection.query(
            """
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
            """, logger: logger
        ).collect().map { try Self.identifier(try $0.decode(String.self)) }
        guard !tables.isEmpty else { return }
        try await connection.query(PostgresQuery(unsafeSQL: "ANALYZE " + tables.joined(separator: ", ")), logger: logger)
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
