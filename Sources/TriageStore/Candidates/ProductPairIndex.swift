import Foundation
import GRDB
import TriageCore

/// Migration v9: every adjacent word pair of every product name (``TextWords/pairs(_:)``), so goods named in free
/// text ("5 x GlobeWeis Interoffice Envelope") are found in the catalogue with one index scan per pair of the
/// text, truncated names included.
enum ProductPairIndex {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE product_pairs (
                  pair TEXT NOT NULL,
                  sku TEXT NOT NULL REFERENCES products(sku) ON DELETE CASCADE,
                  PRIMARY KEY (pair, sku)
                ) STRICT, WITHOUT ROWID;
                CREATE INDEX product_pairs_by_sku ON product_pairs (sku);
                """)
        let rows = try Row.fetchCursor(db, sql: "SELECT sku, description FROM products")
        while let row = try rows.next() {
            try index(sku: row["sku"], description: row["description"], db: db)
        }
    }

    /// Replaces the pairs of one product; called whenever a product is written.
    static func index(sku: String, description: String, db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM product_pairs WHERE sku = ?").execute(arguments: [sku])
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO product_pairs (pair, sku) VALUES (?, ?)")
        for pair in Set(TextWords.pairs(TextWords.words(description))) {
            try insert.execute(arguments: [pair, sku])
        }
    }

    /// Products sharing any of `pairs`, most shared first (then by SKU, so the answer is stable).
    static func products(_ db: Database, sharing pairs: [String], limit: Int) throws -> [Product] {
        let unique = Array(Set(pairs)).sorted()
        guard !unique.isEmpty, limit > 0 else { return [] }
        let marks = databaseQuestionMarks(count: unique.count)
        let skus = try String.fetchAll(
            db,
            sql: """
                SELECT sku FROM product_pairs WHERE pair IN (\(marks))
                GROUP BY sku ORDER BY COUNT(*) DESC, sku LIMIT ?
                """,
            arguments: StatementArguments(unique + [String(limit)]))
        return try skus.compactMap { try ReferenceRows.product(db, sku: $0) }
    }
}
