import Logging
import PostgresNIO

/// The PostgreSQL store's migrations. Each carries the identifier of the SQLite migration it mirrors (the one list of
/// schema versions, `TriageStore`'s `AppDatabase.migrator`), with the same tables and column names, so `db copy` moves
/// rows column for column. Times stay seconds since 1970 (`DOUBLE PRECISION`) and JSON stays text, as in SQLite.
///
/// Append only: never edit a registered migration, and add new ones at the end of `migrations`.
enum PostgresSchema {
    /// One migration: its version identifier and its statements, run in one transaction.
    struct Migration: Sendable {
        let id: String
        let statements: [String]
    }

    /// Every migration, in the order they are applied.
    static let migrations = queueMigrations + referenceMigrations

    /// The exception log, cards, decisions, outbox, the AI queue and the response cache, and the card columns of later
    /// versions that the queue writes: the first slice ported.
    static let queueMigrations: [Migration] = [
        Migration(id: "v1-exception-log", statements: [
            """
            CREATE TABLE exceptions (
              id BIGSERIAL PRIMARY KEY, source TEXT NOT NULL, event_id TEXT NOT NULL, kind TEXT NOT NULL, reason TEXT,
              occurred_at DOUBLE PRECISION NOT NULL, received_at DOUBLE PRECISION NOT NULL, order_number TEXT,
              handling_minutes DOUBLE PRECISION, text TEXT, payload TEXT NOT NULL, UNIQUE (source, event_id))
            """,
            "CREATE INDEX exceptions_by_kind ON exceptions (kind, source, reason)",
            "CREATE INDEX exceptions_by_time ON exceptions (occurred_at)",
        ]),
        Migration(id: "v1-cards-outbox-queue", statements: [
            """
            CREATE TABLE cards (
              id BIGSERIAL PRIMARY KEY, exception_id BIGINT NOT NULL UNIQUE REFERENCES exceptions (id),
              kind TEXT NOT NULL, decision_type TEXT NOT NULL, status TEXT NOT NULL, team TEXT NOT NULL,
              title TEXT NOT NULL, summary TEXT NOT NULL, rule_id TEXT, rule_version BIGINT, rule_mode TEXT,
              rule_action TEXT, plan TEXT, amount_cents BIGINT, flags TEXT NOT NULL, details TEXT NOT NULL,
              suggestion TEXT, confidence TEXT, model TEXT, prompt_version TEXT,
              created_at DOUBLE PRECISION NOT NULL, updated_at DOUBLE PRECISION NOT NULL, resolved_at DOUBLE PRECISION)
            """,
            "CREATE INDEX cards_by_status ON cards (status, kind)",
            """
            CREATE TABLE decisions (
              id BIGSERIAL PRIMARY KEY, card_id BIGINT NOT NULL REFERENCES cards (id), actor TEXT NOT NULL,
              actor_kind TEXT NOT NULL, action TEXT NOT NULL, parameters TEXT NOT NULL, edited_fields TEXT NOT NULL,
              rule_id TEXT, rule_action TEXT, suggested_action TEXT, decided_at DOUBLE PRECISION NOT NULL,
              seconds_to_decide DOUBLE PRECISION, outcome TEXT)
            """,
            "CREATE INDEX decisions_by_card ON decisions (card_id)",
            """
            CREATE TABLE outbox (
              id BIGSERIAL PRIMARY KEY, exception_id BIGINT REFERENCES exceptions (id), target_system TEXT NOT NULL,
              message_type TEXT NOT NULL, payload TEXT NOT NULL, idempotency_key TEXT NOT NULL UNIQUE,
              state TEXT NOT NULL DEFAULT 'pending', attempts BIGINT NOT NULL DEFAULT 0,
              next_attempt_at DOUBLE PRECISION NOT NULL, last_error TEXT, created_at DOUBLE PRECISION NOT NULL,
              delivered_at DOUBLE PRECISION)
            """,
            "CREATE INDEX outbox_pending ON outbox (state, next_attempt_at)",
            """
            CREATE TABLE ai_jobs (
              id BIGSERIAL PRIMARY KEY, exception_id BIGINT NOT NULL UNIQUE REFERENCES exceptions (id),
              task TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'queued', attempts BIGINT NOT NULL DEFAULT 0,
              lease_owner TEXT, lease_until DOUBLE PRECISION, not_before DOUBLE PRECISION NOT NULL, last_error TEXT,
              created_at DOUBLE PRECISION NOT NULL, updated_at DOUBLE PRECISION NOT NULL)
            """,
            // Claims scan only live jobs, in id order: done and dead rows never enter the index.
            "CREATE INDEX ai_jobs_live ON ai_jobs (id) WHERE state IN ('queued', 'leased')",
            """
            CREATE TABLE llm_cache (
              key TEXT PRIMARY KEY, model TEXT NOT NULL, response TEXT NOT NULL, created_at DOUBLE PRECISION NOT NULL)
            """,
        ]),
        Migration(id: "v7-refund-safety", statements: [
            """
            CREATE TABLE order_returns (
              order_number TEXT NOT NULL, sku TEXT NOT NULL, qty BIGINT NOT NULL, PRIMARY KEY (order_number, sku))
            """,
            """
            CREATE TABLE card_links (
              exception_id BIGINT PRIMARY KEY REFERENCES exceptions (id), card_id BIGINT NOT NULL REFERENCES cards (id),
              linked_at DOUBLE PRECISION NOT NULL)
            """,
            "CREATE INDEX card_links_by_card ON card_links (card_id)",
            "ALTER TABLE cards ADD COLUMN order_number TEXT",
            "CREATE INDEX cards_by_order ON cards (order_number, kind, status)",
        ]),
        Migration(id: "v10-joined-cards-batches", statements: [
            // Deferrable, so `db copy` can insert a card before the later card it joins (`SET CONSTRAINTS ALL DEFERRED`).
            "ALTER TABLE cards ADD COLUMN joined_to BIGINT REFERENCES cards (id) DEFERRABLE INITIALLY IMMEDIATE",
            "ALTER TABLE decisions ADD COLUMN batch_id TEXT",
            "CREATE INDEX decisions_by_batch ON decisions (batch_id) WHERE batch_id IS NOT NULL",
            "CREATE INDEX cards_by_joined ON cards (joined_to) WHERE joined_to IS NOT NULL",
        ]),
        Migration(id: "v11-outbox-leases", statements: [
            "ALTER TABLE outbox ADD COLUMN lease_owner TEXT",
            "ALTER TABLE outbox ADD COLUMN lease_until DOUBLE PRECISION",
        ]),
    ]

    /// Applies the migrations not yet recorded, each in its own transaction. A transaction-scoped advisory lock, one
    /// per schema, lets any number of processes start at once: one migrates, the others wait and find nothing to do.
    static func migrate(_ client: PostgresClient, schema: String?, logger: Logger) async throws {
        if let schema, try await client.query(
            "SELECT 1 FROM pg_namespace WHERE nspname = \(schema)", logger: logger).collect().isEmpty
        {
            // Created only when missing: a role may use a schema without the right to create one. The name was
            // checked to be letters, digits and _ when the URL was parsed.
            try await client.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"), logger: logger)
        }
        try await client.query(
            "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
            logger: logger)
        let applied = try await client.query("SELECT id FROM schema_migrations", logger: logger)
        let done = Set(try await applied.collect().map { try $0.decode(String.self) })
        // A store already up to date (every process start but the first) takes no lock and no transaction.
        for migration in migrations where !done.contains(migration.id) {
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query(
                    "SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || ':triage-migrate', 0))",
                    logger: logger)
                // Another process may have applied it while this one waited for the lock.
                let applied = try await connection.query(
                    "SELECT 1 FROM schema_migrations WHERE id = \(migration.id)", logger: logger)
                for try await _ in applied { return }
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO schema_migrations (id) VALUES (\(migration.id))", logger: logger)
            }
        }
    }

}
