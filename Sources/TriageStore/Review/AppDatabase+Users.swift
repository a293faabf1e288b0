import Foundation
import GRDB
import TriageCore

extension AppDatabase {
    /// Adds a user; the caller has made the token and passes only its hash. An empty name is
    /// `ReviewError.invalid`, a taken one `ReviewError.duplicate`.
    public func addUser(
        name: String, role: ReviewerRole, team: String?, tokenHash: String, now: Date
    ) async throws -> Reviewer {
        let trimmed = try ReviewerName.validated(name)
        return try await writer.write { db in
            let key = ReviewerName.uniqueKey(trimmed)
            if let taken = try String.fetchAll(db, sql: "SELECT name FROM users").first(where: { ReviewerName.uniqueKey($0) == key }) {
                throw ReviewError.duplicate("a user named \(taken) exists already")
            }
            try db.execute(
                sql: "INSERT INTO users (name, role, team, token_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [trimmed, role.rawValue, team, tokenHash, now.timeIntervalSince1970])
            return Reviewer(id: db.lastInsertedRowID, name: trimmed, role: role, team: team)
        }
    }

    /// Every user (without token hashes).
    public func users() throws -> [Reviewer] {
        try writer.read { db in try Row.fetchAll(db, sql: "SELECT * FROM users ORDER BY name").map(Self.reviewer) }
    }

    /// Removes a user, ending their sessions and releasing their card locks; nil when no user has that name.
    public func removeUser(name: String) async throws -> Reviewer? {
        try await writer.write { db in
            guard let user = try Self.user(named: name, in: db) else { return nil }
            try db.execute(sql: "DELETE FROM card_locks WHERE user_id = ?", arguments: [user.id])
            try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [user.id])
            try db.execute(sql: "DELETE FROM users WHERE id = ?", arguments: [user.id])
            return user
        }
    }

    /// Replaces a user's token hash and ends their sessions; nil when no user has that name.
    public func rotateToken(name: String, tokenHash: String) async throws -> Reviewer? {
        try await writer.write { db in
            guard let user = try Self.user(named: name, in: db) else { return nil }
            try db.execute(sql: "UPDATE users SET token_hash = ? WHERE id = ?", arguments: [tokenHash, user.id])
            try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [user.id])
            return user
        }
    }

    private static func user(named name: String, in db: Database) throws -> Reviewer? {
        try Row.fetchOne(db, sql: "SELECT * FROM users WHERE name = ?", arguments: [name]).map(reviewer)
    }

    /// The reviewer whose token hashes to `tokenHash`.
    public func reviewer(tokenHash: String) async throws -> Reviewer? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE token_hash = ?", arguments: [tokenHash]).map(Self.reviewer)
        }
    }

    /// Starts a session; only the session id's hash is stored.
    public func startSession(reviewerID: Int64, sessionHash: String, expires: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "INSERT INTO sessions (session_hash, user_id, expires_at) VALUES (?, ?, ?)",
                arguments: [sessionHash, reviewerID, expires.timeIntervalSince1970])
        }
    }

    /// The reviewer of a session that has not expired.
    public func reviewer(sessionHash: String, now: Date) async throws -> Reviewer? {
        try await writer.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id
                    WHERE s.session_hash = ? AND s.expires_at > ?
                    """, arguments: [sessionHash, now.timeIntervalSince1970]
            ).map(Self.reviewer)
        }
    }

    /// Ends a session.
    public func endSession(sessionHash: String) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE session_hash = ?", arguments: [sessionHash])
        }
    }

    static func reviewer(_ row: Row) -> Reviewer {
        Reviewer(id: row["id"], name: row["name"], role: ReviewerRole(rawValue: row["role"]) ?? .reviewer, team: row["team"])
    }
}
