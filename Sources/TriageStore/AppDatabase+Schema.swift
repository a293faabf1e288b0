import GRDB

extension AppDatabase {
    /// Append-only migrations: never edit a registered one, add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-exception-log") { db in
            try db.execute(sql: exceptionLogSQL)
        }
        migrator.registerMigration("v1-reference-data") { db in
            try db.execute(sql: referenceSQL)
        }
        migrator.registerMigration("v1-cards-outbox-queue") { db in
            try db.execute(sql: workflowSQL)
        }
        migrator.registerMigration("v2-candidate-index") { db in
            try CandidateIndex.createV2(db)
        }
        migrator.registerMigration("v3-candidate-keys") { db in
            try CandidateIndex.migrateV3(db)
        }
        migrator.registerMigration("v4-review") { db in
            try db.execute(sql: ReviewSchema.sql)
        }
        migrator.registerMigration("v5-exception-hours") { db in
            try FeedbackSchema.migrate(db)
        }
        migrator.registerMigration("v6-webhook-digests") { db in
            try db.execute(sql: WebhookDigestSchema.sql)
        }
        migrator.registerMigration("v7-refund-safety") { db in
            try db.execute(sql: RefundSafetySchema.sql)
        }
        migrator.registerMigration("v8-demo-labels") { db in
            try DemoLabelSchema.migrate(db)
        }
        migrator.registerMigration("v9-product-pairs") { db in
            try ProductPairIndex.migrate(db)
        }
        migrator.registerMigration("v10-joined-cards-batches") { db in
            try db.execute(sql: JoinedCardSchema.sql)
        }
        migrator.registerMigration("v11-outbox-leases") { db in
            try db.execute(sql: OutboxLeaseSchema.sql)
        }
        return migrator
    }

    private static let exceptionLogSQL = """
        CREATE TABLE exceptions (
          id INTEGER PRIMARY KEY,
          source TEXT NOT NULL,
          event_id TEXT NOT NULL,
          kind TEXT NOT NULL,
          reason TEXT,
          occurred_at REAL NOT NULL,
          received_at REAL NOT NULL,
          order_number TEXT,
          handling_minutes REAL,
          text TEXT,
          payload TEXT NOT NULL,
          UNIQUE (source, event_id)
        ) STRICT;
        CREATE INDEX exceptions_by_kind ON exceptions (kind, source, reason);
        CREATE INDEX exceptions_by_time ON exceptions (occurred_at);
        """

    private static let referenceSQL = """
        CREATE TABLE customers (
          id INTEGER PRIMARY KEY,
          customer_key TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL, email TEXT, phone TEXT,
          line1 TEXT, city TEXT, postcode TEXT, country TEXT
        ) STRICT;
        CREATE TABLE orders (
          order_id TEXT PRIMARY KEY,
          order_number TEXT NOT NULL UNIQUE,
          customer_id INTEGER NOT NULL REFERENCES customers(id),
          customer_name TEXT NOT NULL, email TEXT, phone TEXT,
          line1 TEXT, city TEXT, postcode TEXT, country TEXT,
          placed_at REAL NOT NULL, currency TEXT NOT NULL, total_cents INTEGER NOT NULL,
          status TEXT NOT NULL, delivered_at REAL, refunded_cents INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE INDEX orders_by_email ON orders (email COLLATE NOCASE);
        CREATE INDEX orders_by_postcode ON orders (postcode);
        CREATE TABLE order_lines (
          order_id TEXT NOT NULL REFERENCES orders(order_id) ON DELETE CASCADE,
          line_no INTEGER NOT NULL, sku TEXT NOT NULL, description TEXT NOT NULL,
          qty INTEGER NOT NULL, unit_price_cents INTEGER NOT NULL,
          PRIMARY KEY (order_id, line_no)
        ) STRICT;
        CREATE INDEX order_lines_by_sku ON order_lines (sku);
        CREATE TABLE products (
          sku TEXT PRIMARY KEY, description TEXT NOT NULL, category TEXT NOT NULL,
          warranty_months INTEGER NOT NULL, return_window_days INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE suppliers (
          supplier_id TEXT PRIMARY KEY, name TEXT NOT NULL, aliases TEXT NOT NULL
        ) STRICT;
        CREATE TABLE purchase_orders (
          po_number TEXT PRIMARY KEY, supplier TEXT NOT NULL, currency TEXT NOT NULL,
          total_cents INTEGER NOT NULL, issued_at REAL NOT NULL
        ) STRICT;
        CREATE TABLE po_lines (
          po_number TEXT NOT NULL REFERENCES purchase_orders(po_number) ON DELETE CASCADE,
          line_no INTEGER NOT NULL, sku TEXT NOT NULL, description TEXT NOT NULL,
          qty INTEGER NOT NULL, unit_price_cents INTEGER NOT NULL,
          PRIMARY KEY (po_number, line_no)
        ) STRICT;
        CREATE TABLE invoices (
          supplier TEXT NOT NULL, invoice_number TEXT NOT NULL, invoice_date REAL, total_cents INTEGER,
          PRIMARY KEY (supplier, invoice_number)
        ) STRICT;
        CREATE TABLE payments (
          payment_id TEXT PRIMARY KEY, order_number TEXT NOT NULL, status TEXT NOT NULL,
          amount_cents INTEGER NOT NULL, currency TEXT NOT NULL, updated_at REAL NOT NULL
        ) STRICT;
        CREATE INDEX payments_by_order ON payments (order_number, updated_at);
        CREATE TABLE shipments (
          shipment_id TEXT PRIMARY KEY, order_number TEXT NOT NULL, carrier TEXT, status TEXT NOT NULL,
          shipped_at REAL, delivered_at REAL
        ) STRICT;
        CREATE INDEX shipments_by_order ON shipments (order_number);
        CREATE TABLE inventory (
          sku TEXT NOT NULL, system TEXT NOT NULL, quantity INTEGER NOT NULL,
          PRIMARY KEY (sku, system)
        ) STRICT;
        """

    private static let workflowSQL = """
        CREATE TABLE cards (
          id INTEGER PRIMARY KEY,
          exception_id INTEGER NOT NULL UNIQUE REFERENCES exceptions(id),
          kind TEXT NOT NULL, decision_type TEXT NOT NULL, status TEXT NOT NULL, team TEXT NOT NULL,
          title TEXT NOT NULL, summary TEXT NOT NULL,
          rule_id TEXT, rule_version INTEGER, rule_mode TEXT, rule_action TEXT,
          plan TEXT, amount_cents INTEGER, flags TEXT NOT NULL, details TEXT NOT NULL,
          suggestion TEXT, confidence TEXT, model TEXT, prompt_version TEXT,
          created_at REAL NOT NULL, updated_at REAL NOT NULL, resolved_at REAL
        ) STRICT;
        CREATE INDEX cards_by_status ON cards (status, kind);
        CREATE TABLE decisions (
          id INTEGER PRIMARY KEY,
          card_id INTEGER NOT NULL REFERENCES cards(id),
          actor TEXT NOT NULL, actor_kind TEXT NOT NULL,
          action TEXT NOT NULL, parameters TEXT NOT NULL, edited_fields TEXT NOT NULL,
          rule_id TEXT, rule_action TEXT, suggested_action TEXT,
          decided_at REAL NOT NULL, seconds_to_decide REAL, outcome TEXT
        ) STRICT;
        CREATE INDEX decisions_by_card ON decisions (card_id);
        CREATE TABLE outbox (
          id INTEGER PRIMARY KEY,
          exception_id INTEGER REFERENCES exceptions(id),
          target_system TEXT NOT NULL, message_type TEXT NOT NULL, payload TEXT NOT NULL,
          idempotency_key TEXT NOT NULL UNIQUE,
          state TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0,
          next_attempt_at REAL NOT NULL, last_error TEXT,
          created_at REAL NOT NULL, delivered_at REAL
        ) STRICT;
        CREATE INDEX outbox_pending ON outbox (state, next_attempt_at);
        CREATE TABLE ai_jobs (
          id INTEGER PRIMARY KEY,
          exception_id INTEGER NOT NULL UNIQUE REFERENCES exceptions(id),
          task TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'queued',
          attempts INTEGER NOT NULL DEFAULT 0, lease_owner TEXT, lease_until REAL,
          not_before REAL NOT NULL, last_error TEXT,
          created_at REAL NOT NULL, updated_at REAL NOT NULL
        ) STRICT;
        CREATE INDEX ai_jobs_ready ON ai_jobs (state, not_before);
        CREATE TABLE llm_cache (
          key TEXT PRIMARY KEY, model TEXT NOT NULL, response TEXT NOT NULL, created_at REAL NOT NULL
        ) STRICT;
        """
}
