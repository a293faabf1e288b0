import Foundation
import PostgresNIO
import TriageCore

extension PostgresStore {
    /// Adds a user; the caller has made the token and passes only its hash. An empty name is
    /// `ReviewError.invalid`, a taken one `ReviewError.duplicate` (also when another process adds it at once).
    public func addUser(
        name: String, role: ReviewerRole, team: String?, tokenHash: String, now: Date
    ) async throws -> Reviewer {
        let trimmed = try ReviewerName.validated(name)
        return try await timed("addUser") { [self] in
            let key = ReviewerName.uniqueKey(trimmed)
            let names = try await client.query("SELECT name FROM users", logger: logger).collect().map { try $0.decode(String.self) }
            if let taken = names.first(where: { ReviewerName.uniqueKey($0) == key }) {
                throw ReviewError.duplicate("a user named \(taken) exists already")
            }
            let rows = try await client.query(
                """
                INSERT INTO users (name, role, team, token_hash, created_at)
                VALUES (\(trimmed), \(role.rawValue), \(team), \(tokenHash), \(now.timeIntervalSince1970))
                ON CONFLICT (name) DO NOTHING RETURNING id
                """, logger: logger)
            guard let id = try await rows.collect().first?.decode(Int64.self) else {
                throw ReviewError.duplicate("a user named \(trimmed) exists already")
            }
            return Reviewer(id: id, name: trimmed, role: role, team: team)
        }
    }

    /// Every user (without token hashes), by name.
    public func users() async throws -> [Reviewer] {
        try await timed("users") { [self] in
            let query = "SELECT \(PostgresReviewRows.userColumns) FROM users ORDER BY name COLLATE \"C\""
            return try await client.query(PostgresQuery(unsafeSQL: query), logger: logger).collect()
                .map(PostgresReviewRows.reviewer)
        }
    }

    /// Removes a user, ending their sessions and releasing their card locks; nil when no user has that name.
    public func removeUser(name: String) async throws -> Reviewer? {
        try await timed("removeUser") { [self] in
            try await client.withTransaction(logger: logger) { connection in
                let rows = try await connection.query(
                    "SELECT \(unescaped: PostgresReviewRows.userColumns) FROM users WHERE name = \(name) FOR UPDATE",
                    logger: logger)
                guard let user = try await rows.collect().first.map(PostgresReviewRows.reviewer) else { return nil }
                try await connection.query("DELETE FROM card_locks WHERE user_id = \(user.id)", logger: logger)
                // Their sessions go with them (ON DELETE CASCADE).
                try await connection.query("DELETE FROM users WHERE id = \(user.id)", logger: logger)
                return user
            }
        }
    }

    /// Replaces a user's token hash and ends their sessions; nil when no user has that name.
    public func rotateToken(name: String, tokenHash: String) async throws -> Reviewer? {
        try await timed("rotateToken") { [self] in
            try await client.withTransaction(logger: logger) { connection in
                let rows = try await connection.query(
                    """
                    UPDATE users SET token_hash = \(tokenHash) WHERE name = \(name)
                    RETURNING \(unescaped: PostgresReviewRows.userColumns)
                    """, logger: logger)
                guard let user = try await rows.collect().first.map(PostgresReviewRows.reviewer) else { return nil }
                try await connection.query("DELETE FROM sessions WHERE user_id = \(user.id)", logger: logger)
                return user
            }
        }
    }

    /// The reviewer whose token hashes to `tokenHash`.
    public func reviewer(tokenHash: String) async throws -> Reviewer? {
        try await timed("reviewer") { [self] in
            try await client.query(
                "SELECT \(unescaped: PostgresReviewRows.userColumns) FROM users WHERE token_hash = \(tokenHash)",
                logger: logger
            ).collect().first.map(PostgresReviewRows.reviewer)
        }
    }

    /// Starts a session; only the session id's hash is stored, where every server of the database finds it.
    public func startSession(reviewerID: Int64, sessionHash: String, expires: Date) async throws {
        try await timed("startSession") { [self] in
            try await client.query(
                """
                INSERT INTO sessions (session_hash, user_id, expires_at)
                VALUES (\(sessionHash), \(reviewerID), \(expires.timeIntervalSince1970))
                """, logger: logger)
        }
    }

    /// The reviewer of a session that has not expired.
    public func reviewer(sessionHash: String, now: Date) async throws -> Reviewer? {
        try await timed("reviewer") { [self] in
            try await client.query(
                """
                SELECT u.id, u.name, u.role, u.team FROM sessions s JOIN users u ON u.id = s.user_id
                WHERE s.session_hash = \(sessionHash) AND s.expires_at > \(now.timeIntervalSince1970)
                """, logger: logger
            ).collect().first.map(PostgresReviewRows.reviewer)
        }
    }

    /// Ends a session.
    public func endSession(sessionHash: String) async throws {
        try await timed("endSession") { [self] in
            try await client.query("DELETE FROM sessions WHERE session_hash = \(sessionHash)", logger: logger)
        }
    }
}
