import Foundation

/// Copies every table of one store into an empty other one (`triage db copy`): SQLite into PostgreSQL when a
/// deployment outgrows one machine. The copy is one transaction on the target, and every table's row count is
/// checked against the source's before it commits.
public struct StoreCopy: Sendable {
    /// The tables in the order their foreign keys allow (a row's parents are copied before it).
    public static let tableOrder = [
        "exceptions", "customers", "orders", "order_lines", "order_keys", "products", "product_pairs", "suppliers",
        "purchase_orders", "po_lines", "invoices", "payments", "shipments", "inventory", "cards", "decisions",
        "outbox", "ai_jobs", "llm_cache", "users", "sessions", "card_locks", "exception_hours", "webhook_digests",
        "order_returns", "card_links", "demo_labels", "demo_marker",
    ]

    /// Rows per insert statement.
    public var chunkSize: Int

    /// Creates a copier inserting `chunkSize` rows per statement.
    public init(chunkSize: Int = 1_000) {
        self.chunkSize = chunkSize
    }

    /// One table's result.
    public struct TableCount: Sendable, Hashable {
        /// The table.
        public var table: String
        /// Rows in the source.
        public var source: Int
        /// Rows in the target after the copy.
        public var target: Int
    }

    /// Copies every table, calling `progress` after each; returns the counts, all equal (else it throws and the
    /// target keeps nothing).
    public func copy(
        from source: any StoreTableReading, to target: any StoreTableLoading,
        progress: @escaping @Sendable (TableCount) -> Void = { _ in }
    ) async throws -> [TableCount] {
        let tables = try await source.tableNames()
        let unknown = Set(tables).subtracting(Self.tableOrder)
        guard unknown.isEmpty else {
            throw StoreCopyError("the source has tables this version cannot copy: \(unknown.sorted().joined(separator: ", "))")
        }
        let present = Self.tableOrder.filter(tables.contains)
        return try await target.withTableLoad { load in
            try await ensureEmpty(load, tables: present)
            var counts: [TableCount] = []
            for table in present {
                let count = try await copyTable(table, from: source, to: load)
                progress(count)
                counts.append(count)
            }
            try await load.finishLoad()
            return counts
        }
    }

    private func ensureEmpty(_ load: any StoreTableLoad, tables: [String]) async throws {
        for table in tables where try await load.rowCount(of: table) > 0 {
            throw StoreCopyError("the target already holds rows in \(table); copy into an empty database")
        }
    }

    private func copyTable(_ table: String, from source: any StoreTableReading, to load: any StoreTableLoad) async throws -> TableCount {
        let columns = try await source.columns(of: table)
        let missing = Set(columns).subtracting(try await load.columns(of: table))
        guard missing.isEmpty else {
            throw StoreCopyError("the target's \(table) has no column \(missing.sorted().joined(separator: ", "))")
        }
        var after: [StoredValue]?
        repeat {
            let chunk = try await source.rows(of: table, columns: columns, after: after, limit: chunkSize)
            if !chunk.rows.isEmpty { try await load.insert(into: table, columns: columns, rows: chunk.rows) }
            after = chunk.rows.count == chunkSize ? chunk.lastKey : nil
        } while after != nil
        let count = TableCount(table: table, source: try await source.rowCount(of: table), target: try await load.rowCount(of: table))
        guard count.source == count.target else {
            throw StoreCopyError("\(table): \(count.source) rows in the source but \(count.target) in the target")
        }
        return count
    }
}

/// Why a copy stopped; the target keeps nothing.
public struct StoreCopyError: Error, CustomStringConvertible {
    /// What went wrong, naming the table.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
