import GRDB

/// Migration v5: hourly counts per exception type and source, kept as exceptions arrive, so a cascade is noticed
/// with a few indexed reads however long the log is.
enum FeedbackSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE exception_hours (
                  kind TEXT NOT NULL, source TEXT NOT NULL, hour REAL NOT NULL, count INTEGER NOT NULL,
                  PRIMARY KEY (kind, source, hour)
                ) STRICT, WITHOUT ROWID;
                INSERT INTO exception_hours (kind, source, hour, count)
                  SELECT kind, source, CAST(occurred_at / 3600 AS INTEGER) * 3600.0, COUNT(*) FROM exceptions
                  WHERE kind != 'integration_failure' GROUP BY 1, 2, 3;
                """)
    }
}
