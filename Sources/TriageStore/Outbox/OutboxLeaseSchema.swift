/// v11: outbox messages are claimed under a lease (`lease_owner`, `lease_until`), so several relays drain one outbox
/// and a dead relay's messages are claimed again when its lease runs out.
enum OutboxLeaseSchema {
    static let sql = """
        ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
        ALTER TABLE outbox ADD COLUMN lease_until REAL;
        """
}
