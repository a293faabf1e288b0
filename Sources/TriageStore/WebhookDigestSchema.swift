import GRDB

/// Migration v6: the SHA-256 of what each webhook's signature covered, per source, so a captured body resent under
/// fresh unsigned headers is recognised.
enum WebhookDigestSchema {
    static let sql = """
        CREATE TABLE webhook_digests (
          source TEXT NOT NULL, digest TEXT NOT NULL, received_at REAL NOT NULL,
          PRIMARY KEY (source, digest)
        ) STRICT, WITHOUT ROWID;
        """
}
