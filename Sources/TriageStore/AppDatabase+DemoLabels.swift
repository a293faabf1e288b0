import Foundation
import GRDB
import TriageCore

extension AppDatabase: DemoLabelReading {
    /// Marks this database as a demo database (seed `seed`) and stores the generator's labels apart from the
    /// exceptions; replaces what a previous demo run stored.
    public func recordDemo(seed: UInt64, labels: [ExceptionLabel], now: Date) throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM demo_labels")
            for label in labels {
                try db.execute(
                    sql: "INSERT INTO demo_labels (source, event_id, labels) VALUES (?, ?, ?)",
                    arguments: [label.source, label.eventID, JSONValue.object(label.values).serialized])
            }
            try db.execute(
                sql: "INSERT OR REPLACE INTO demo_marker (id, seed, generated_at) VALUES (1, ?, ?)",
                arguments: [String(seed), now.timeIntervalSince1970])
        }
    }

    /// True when `triage demo` made this database.
    public func isDemo() throws -> Bool {
        try writer.read { db in try Bool.fetchOne(db, sql: "SELECT 1 FROM demo_marker WHERE id = 1") ?? false }
    }

    /// The generator's labels of one exception; nil when it has none.
    public func demoLabel(source: String, eventID: String) throws -> ExceptionLabel? {
        try writer.read { db in
            let text = try String.fetchOne(
                db, sql: "SELECT labels FROM demo_labels WHERE source = ? AND event_id = ?", arguments: [source, eventID])
            return try text.map { ExceptionLabel(source: source, eventID: eventID, values: try JSONCoding.decode([String: JSONValue].self, from: $0)) }
        }
    }
}
