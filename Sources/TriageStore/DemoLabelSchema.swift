import GRDB

/// Migration v6: the demo generator's labels, apart from the exception log, and the marker that says a database
/// was made by `triage demo`. Only `simulate-decisions` (and tests) read them; no payload, card or page does.
enum DemoLabelSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE demo_labels (
                  source TEXT NOT NULL, event_id TEXT NOT NULL, labels TEXT NOT NULL,
                  PRIMARY KEY (source, event_id)
                ) STRICT, WITHOUT ROWID;
                CREATE TABLE demo_marker (
                  id INTEGER PRIMARY KEY CHECK (id = 1), seed TEXT NOT NULL, generated_at REAL NOT NULL
                ) STRICT;
                """)
    }
}
