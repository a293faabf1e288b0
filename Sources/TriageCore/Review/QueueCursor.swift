import Foundation

/// A place in the review queue's order, for keyset paging: the queue sorts by the reviewer's team first, then
/// money at stake (most first), then age (oldest first), then id. A cursor is the last row of a page; the next
/// page starts after it, so paging stays fast and stable while cards are decided.
public struct QueueCursor: Sendable, Hashable, Codable {
    /// Whether the row's card belongs to the reviewer's team.
    public var preferred: Bool
    /// Money at stake in cents (0 when none).
    public var amountCents: Int64
    /// The card's creation time, seconds since 1970.
    public var createdAt: Double
    /// The card's id.
    public var id: Int64

    /// Creates a cursor.
    public init(preferred: Bool, amountCents: Int64, createdAt: Double, id: Int64) {
        self.preferred = preferred
        self.amountCents = amountCents
        self.createdAt = createdAt
        self.id = id
    }

    /// The cursor after `card` in a queue that prefers `preferTeam`.
    public init(after card: StoredCard, preferTeam: String?) {
        self.init(
            preferred: card.card.team == preferTeam, amountCents: card.card.amountAtStake?.cents ?? 0,
            createdAt: card.card.createdAt.timeIntervalSince1970, id: card.id)
    }

    /// The text form used in links (`?after=`): four fields joined by `_`.
    public var token: String { "\(preferred ? 1 : 0)_\(amountCents)_\(createdAt)_\(id)" }

    /// Reads ``token``; nil when it is not one.
    public init?(token: String) {
        let parts = token.split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, let flag = Int(parts[0]), [0, 1].contains(flag), let amount = Int64(parts[1]),
            let created = Double(parts[2]), created.isFinite, let id = Int64(parts[3])
        else { return nil }
        self.init(preferred: flag == 1, amountCents: amount, createdAt: created, id: id)
    }
}

extension QueueFilter {
    /// What a store matches the search against: a `LIKE` pattern for "contains" (with `\` as its escape character),
    /// the text as an order number (a leading `#` dropped) and the text as typed (an event id). Nil when there is no
    /// search.
    public var searchTerms: (pattern: String, orderNumber: String, text: String)? {
        guard let text = search?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        return ("%" + escaped + "%", text.hasPrefix("#") ? String(text.dropFirst()) : text, text)
    }
}
