import Foundation
import GRDB
import TriageCore

/// The LLM response cache lives in the same SQLite file, so a recorded eval run is one file to ship.
extension AppDatabase: ResponseCache {
    /// The stored response body for a key.
    public func response(forKey key: String) async throws -> String? {
        try await writer.read { db in
            try String.fetchOne(db, sql: "SELECT response FROM llm_cache WHERE key = ?", arguments: [key])
        }
    }

    /// Stores a response body under a key, replacing an older one.
    public func store(response: String, forKey key: String, model: String) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO llm_cache (key, model, response, created_at) VALUES (?, ?, ?, ?)",
                arguments: [key, model, response, Date().timeIntervalSince1970])
        }
    }
}
