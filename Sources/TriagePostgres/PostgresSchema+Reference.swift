/// The PostgreSQL migrations of the reference data, the candidate and product indexes, review, feedback, webhook
/// digests and demo labels: the rest of the SQLite schema, so `db copy` moves every table and the worker reads its
/// context from PostgreSQL. Each carries the identifier of the SQLite migration it mirrors; `v2-candidate-index` is
/// not mirrored because `v3-candidate-keys` replaced its table.
extension PostgresSchema {
    static let referenceMigrations: [Migration] = [
        Migration(id: "v1-reference-data", statements: [
            """
            CREATE TABLE customers (
              id BIGSERIAL PRIMARY KEY, customer_key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, email TEXT, phone TEXT,
              line1 TEXT, city TEXT, postcode TEXT, country TEXT)
            """,
            """
            CREATE TABLE orders (
              order_id TEXT PRIMARY KEY, order_number TEXT NOT NULL UNIQUE,
              customer_id BIGINT NOT NULL REFERENCES customers (id), customer_name TEXT NOT NULL, email TEXT,
              phone TEXT, line1 TEXT, city TEXT, postcode TEXT, country TEXT, placed_at DOUBLE PRECISION NOT NULL,
              currency TEXT NOT NULL, total_cents BIGINT NOT NULL, status TEXT NOT NULL,
              delivered_at DOUBLE PRECISION, refunded_cents BIGINT NOT NULL DEFAULT 0)
            """,
            // SQLite compares e-mails with COLLATE NOCASE; here the index is on lower(email).
            "CREATE INDEX orders_by_email ON orders (lower(email), placed_at)",
            "CREATE INDEX orders_by_postcode ON orders (postcode)",
            """
            CREATE TABLE order_lines (
              order_id TEXT NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE, line_no BIGINT NOT NULL,
              sku TEXT NOT NULL, description TEXT NOT NULL, qty BIGINT NOT NULL, unit_price_cents BIGINT NOT NULL,
              PRIMARY KEY (order_id, line_no))
            """,
            "CREATE INDEX order_lines_by_sku ON order_lines (sku)",
            """
            CREATE TABLE products (
              sku TEXT PRIMARY KEY, description TEXT NOT NULL, category TEXT NOT NULL, warranty_months BIGINT NOT NULL,
              return_window_days BIGINT NOT NULL)
            """,
            "CREATE TABLE suppliers (supplier_id TEXT PRIMARY KEY, name TEXT NOT NULL, aliases TEXT NOT NULL)",
            """
            CREATE TABLE purchase_orders (
              po_number TEXT PRIMARY KEY, supplier TEXT NOT NULL, currency TEXT NOT NULL, total_cents BIGINT NOT NULL,
              issued_at DOUBLE PRECISION NOT NULL)
            """,
            "CREATE INDEX purchase_orders_by_supplier ON purchase_orders (lower(supplier), issued_at)",
            """
            CREATE TABLE po_lines (
              po_number TEXT NOT NULL REFERENCES purchase_orders (po_number) ON DELETE CASCADE,
              line_no BIGINT NOT NULL, sku TEXT NOT NULL, description TEXT NOT NULL, qty BIGINT NOT NULL,
              unit_price_cents BIGINT NOT NULL, PRIMARY KEY (po_number, line_no))
            """,
            """
            CREATE TABLE invoices (
              supplier TEXT NOT NULL, invoice_number TEXT NOT NULL, invoice_date DOUBLE PRECISION, total_cents BIGINT,
              PRIMARY KEY (supplier, invoice_number))
            """,
            "CREATE INDEX invoices_by_supplier ON invoices (lower(supplier))",
            """
            CREATE TABLE payments (
              payment_id TEXT PRIMARY KEY, order_number TEXT NOT NULL, status TEXT NOT NULL,
              amount_cents BIGINT NOT NULL, currency TEXT NOT NULL, updated_at DOUBLE PRECISION NOT NULL)
            """,
            "CREATE INDEX payments_by_order ON payments (order_number, updated_at)",
            """
            CREATE TABLE shipments (
              shipment_id TEXT PRIMARY KEY, order_number TEXT NOT NULL, carrier TEXT, status TEXT NOT NULL,
              shipped_at DOUBLE PRECISION, delivered_at DOUBLE PRECISION)
            """,
            "CREATE INDEX shipments_by_order ON shipments (order_number)",
            """
            CREATE TABLE inventory (
              sku TEXT NOT NULL, system TEXT NOT NULL, quantity BIGINT NOT NULL, PRIMARY KEY (sku, system))
            """,
        ]),
        Migration(id: "v3-candidate-keys", statements: [
            """
            CREATE TABLE order_keys (
              key TEXT NOT NULL, placed_at DOUBLE PRECISION NOT NULL,
              order_id TEXT NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
              PRIMARY KEY (key, placed_at, order_id))
            """,
            "CREATE INDEX order_keys_by_order ON order_keys (order_id)",
        ]),
        Migration(id: "v4-review", statements: [
            """
            CREATE TABLE users (
              id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE,
              role TEXT NOT NULL CHECK (role IN ('reviewer', 'admin')), team TEXT, token_hash TEXT NOT NULL UNIQUE,
              created_at DOUBLE PRECISION NOT NULL)
            """,
            """
            CREATE TABLE sessions (
              session_hash TEXT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
              expires_at DOUBLE PRECISION NOT NULL)
            """,
            """
            CREATE TABLE card_locks (
              card_id BIGINT PRIMARY KEY REFERENCES cards (id), user_id BIGINT NOT NULL REFERENCES users (id),
              user_name TEXT NOT NULL, opened_at DOUBLE PRECISION NOT NULL, until DOUBLE PRECISION NOT NULL)
            """,
            "ALTER TABLE decisions ADD COLUMN reason TEXT",
            "CREATE INDEX decisions_by_time ON decisions (decided_at)",
        ]),
        Migration(id: "v5-exception-hours", statements: [
            """
            CREATE TABLE exception_hours (
              kind TEXT NOT NULL, source TEXT NOT NULL, hour DOUBLE PRECISION NOT NULL, count BIGINT NOT NULL,
              PRIMARY KEY (kind, source, hour))
            """
        ]),
        Migration(id: "v6-webhook-digests", statements: [
            """
            CREATE TABLE webhook_digests (
              source TEXT NOT NULL, digest TEXT NOT NULL, received_at DOUBLE PRECISION NOT NULL,
              PRIMARY KEY (source, digest))
            """
        ]),
        Migration(id: "v8-demo-labels", statements: [
            """
            CREATE TABLE demo_labels (
              source TEXT NOT NULL, event_id TEXT NOT NULL, labels TEXT NOT NULL, PRIMARY KEY (source, event_id))
            """,
            """
            CREATE TABLE demo_marker (
              id BIGINT PRIMARY KEY CHECK (id = 1), seed TEXT NOT NULL, generated_at DOUBLE PRECISION NOT NULL)
            """,
        ]),
        Migration(id: "v9-product-pairs", statements: [
            """
            CREATE TABLE product_pairs (
              pair TEXT NOT NULL, sku TEXT NOT NULL REFERENCES products (sku) ON DELETE CASCADE,
              PRIMARY KEY (pair, sku))
            """,
            "CREATE INDEX product_pairs_by_sku ON product_pairs (sku)",
        ]),
    ]
}
