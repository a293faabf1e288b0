import GRDB

/// Migration v7: what keeps one order from being paid twice — items returned per order, exceptions that joined an
/// open card instead of raising a second one, and the order a card is about (indexed, to find that card).
enum RefundSafetySchema {
    static let sql = """
        CREATE TABLE order_returns (
          order_number TEXT NOT NULL, sku TEXT NOT NULL, qty INTEGER NOT NULL,
          PRIMARY KEY (order_number, sku)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE card_links (
          exception_id INTEGER PRIMARY KEY REFERENCES exceptions(id),
          card_id INTEGER NOT NULL REFERENCES cards(id),
          linked_at REAL NOT NULL
        ) STRICT;
        CREATE INDEX card_links_by_card ON card_links (card_id);
        ALTER TABLE cards ADD COLUMN order_number TEXT;
        UPDATE cards SET order_number = json_extract(details, '$.order_number');
        CREATE INDEX cards_by_order ON cards (order_number, kind, status);
        """
}
