import Foundation

/// The three things a reviewer can do with a card.
public enum ReviewVerdict: String, Sendable, Codable, CaseIterable, Hashable {
    /// Execute what the card suggests (the rule's plan or the AI suggestion) as it stands.
    case accept
    /// Change the action or parameters, then execute.
    case edit
    /// Execute nothing; the reason is recorded.
    case reject
}

/// One reviewer decision on one card.
public struct ReviewRequest: Sendable, Hashable, Codable {
    /// The card decided.
    public var cardID: Int64
    /// Accept, edit or reject.
    public var verdict: ReviewVerdict
    /// For an edit: the action chosen instead of the suggested one (nil keeps it).
    public var action: String?
    /// For an edit: parameters that replace the suggested ones, key by key.
    public var parameters: [String: JSONValue]
    /// Why, for a rejection (required) or an edit (optional).
    public var reason: String?
    /// The bulk action this accept belongs to: only a gated rule's plan may be accepted in bulk, and the decision
    /// log records the batch.
    public var batchID: String?

    /// Creates a request.
    public init(
        cardID: Int64, verdict: ReviewVerdict, action: String? = nil, parameters: [String: JSONValue] = [:],
        reason: String? = nil, batchID: String? = nil
    ) {
        self.batchID = batchID
        self.cardID = cardID
        self.verdict = verdict
        self.action = action
        self.parameters = parameters
        self.reason = reason
    }
}

/// Why a review operation was refused; each case maps to one HTTP status.
public enum ReviewError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No card with this id (404).
    case cardNotFound(Int64)
    /// Another reviewer holds the card's lock (409).
    case lockedBy(String)
    /// The card was decided already, or is not for a person to decide yet (409).
    case notDecidable(CardStatus)
    /// The request does not fit the card: no suggestion to accept, an action outside the task's set, a
    /// rejection without a reason, a parameter out of bounds (422). The message starts with the field.
    case invalid(String)
    /// The accepted plan no longer fits the data (refunded, returned or synced since); nothing was executed and the
    /// card is now a judgment card saying why (409).
    case stalePlan(String)
    /// Another reviewer holds the lock being released (403).
    case notLockHolder(String)
    /// The card belongs to another team's queue than the reviewer's (403).
    case otherTeam(card: String, reviewer: String)
    /// The thing to create exists already, e.g. a user of that name (409).
    case duplicate(String)
    /// The card's stored AI suggestion cannot be read (a schema change, a damaged row): nothing is decided on it
    /// (500: the server log names the card).
    case unreadableSuggestion(cardID: Int64, reason: String)
    /// The card may not be accepted in bulk: only a gated rule's plan may be; an AI suggestion never is (409).
    case notBulkAcceptable(String)

    /// One line for a person.
    public var description: String {
        switch self {
        case .cardNotFound(let id): "no card with id \(id)"
        case .lockedBy(let name): "the card is open with \(name)"
        case .notDecidable(let status): "the card is \(status.rawValue); there is nothing to decide"
        case .invalid(let message): message
        case .stalePlan(let reason): "not executed: \(reason); the card is now a judgment card for a person to decide"
        case .notLockHolder(let name): "the lock is \(name)'s; only they can release it"
        case .otherTeam(let card, let reviewer):
            "the card is the \(card) team's; \(reviewer) reviewers decide their own team's cards (an admin decides any)"
        case .duplicate(let message): message
        case .notBulkAcceptable(let reason): "not accepted in bulk: \(reason)"
        case .unreadableSuggestion(let cardID, let reason): "card \(cardID): its stored suggestion cannot be read (\(reason))"
        }
    }
}

/// What a decision did.
public struct ReviewOutcome: Sendable, Hashable, Codable {
    /// The card decided.
    public var cardID: Int64
    /// The decision row written.
    public var decisionID: Int64
    /// The final action (`reject` for a rejection).
    public var action: String
    /// The parameters executed with.
    public var parameters: [String: JSONValue]
    /// Fields the reviewer changed (`action`, `parameters.order_id`, …).
    public var editedFields: [String]
    /// Outbox messages written in the same transaction.
    public var outboxMessages: Int

    /// Creates an outcome.
    public init(
        cardID: Int64, decisionID: Int64, action: String, parameters: [String: JSONValue], editedFields: [String],
        outboxMessages: Int
    ) {
        self.cardID = cardID
        self.decisionID = decisionID
        self.action = action
        self.parameters = parameters
        self.editedFields = editedFields
        self.outboxMessages = outboxMessages
    }
}
