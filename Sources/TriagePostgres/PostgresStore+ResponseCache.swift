import Foundation
import PostgresNIO
import TriageCore

extension PostgresStore: ResponseCache {
    /// The stored response body for a key.
    public func response(forKey key: String) async throws -> String? {
        try await timed("response") { [self] in
            let rows = try await client.query("SELECT response FROM llm_cache WHERE key = \(key)", logger: logger)
            return try await rows.collect().first?.decode(String.self)
        }
    }

    /// Stores a response body under a key, replacing an older one.
    public func store(response: String, forKey key: String, model: String) async throws {
        try await timed("store response") { [self] in
            try await client.query(
                """
                INSERT INTO llm_cache (key, model, response, created_at)
                VALUES (\(key), \(model), \(response), \(Date().timeIntervalSince1970))
                ON CONFLICT (key) DO UPDATE SET model = excluded.model, response = excluded.response,
                  created_at = excluded.created_at
                """, logger: logger)
        }
    }
}
