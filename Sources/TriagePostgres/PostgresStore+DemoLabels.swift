import Foundation
import PostgresNIO
import TriageCore

extension PostgresStore: DemoLabelReading {
    public func isDemo() async throws -> Bool {
        try await timed("isDemo") { [self] in
            try await !client.query("SELECT 1 FROM demo_marker WHERE id = 1", logger: logger).collect().isEmpty
        }
    }

    public func demoLabel(source: String, eventID: String) async throws -> ExceptionLabel? {
        let text = try await timed("demoLabel") { [self] in
            try await client.query(
                "SELECT labels FROM demo_labels WHERE source = \(source) AND event_id = \(eventID)", logger: logger
            ).collect().first?.decode(String.self)
        }
        return try text.map {
            ExceptionLabel(source: source, eventID: eventID, values: try JSONCoding.decode([String: JSONValue].self, from: $0))
        }
    }
}
