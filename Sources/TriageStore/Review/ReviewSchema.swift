import GRDB

/// Migration v4: reviewers, their sessions, card locks, and the reason on a decision.
enum ReviewSchema {
    static let sql = """
        CREATE TABLE users (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          role TEXT NOT NULL CHECK (role IN ('reviewer', 'admin')),
          team TEXT,
          token_hash TEXT NOT NULL UNIQUE,
          created_at REAL NOT NULL
        ) STRICT;
        CREATE TABLE sessions (
          session_hash TEXT PRIMARY KEY,
          user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          expires_at REAL NOT NULL
        ) STRICT;
        CREATE TABLE card_locks (
          card_id INTEGER PRIMARY KEY REFERENCES cards(id),
          user_id INTEGER NOT NULL REFERENCES users(id),
          user_name TEXT NOT NULL,
          opened_at REAL NOT NULL,
          until REAL NOT NULL
        ) STRICT;
        ALTER TABLE decisions ADD COLUMN reason TEXT;
        CREATE INDEX decisions_by_time ON decisions (decided_at);
        """
}
