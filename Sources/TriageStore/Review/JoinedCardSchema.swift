/// v10: a card that joined an older one names it (`joined_to`), and decisions made in one bulk action share a
/// `batch_id`, so the decision log shows which cards were accepted together.
enum JoinedCardSchema {
    static let sql = """
        ALTER TABLE cards ADD COLUMN joined_to INTEGER REFERENCES cards (id);
        ALTER TABLE decisions ADD COLUMN batch_id TEXT;
        CREATE INDEX decisions_by_batch ON decisions (batch_id) WHERE batch_id IS NOT NULL;
        CREATE INDEX cards_by_joined ON cards (joined_to) WHERE joined_to IS NOT NULL;
        """
}
