import Foundation

/// Which open cards a reviewer wants to see.
public struct QueueFilter: Sendable, Hashable, Codable {
    /// Only this exception kind.
    public var kind: ExceptionKind?
    /// Only this decision type.
    public var decisionType: DecisionType?
    /// Only this owning team.
    public var team: String?
    /// Only this confidence.
    public var confidence: Confidence?
    /// Only cards at least this many hours old.
    public var minAgeHours: Double?
    /// Only cards whose exception matches: an order number or event id exactly, or text (a customer's name,
    /// an e-mail) anywhere in its text, payload or the card's title.
    public var search: String?
    /// Only cards made by this rule (its id), e.g. to accept a rule's gated cards in bulk.
    public var rule: String?
    /// The reviewer's own team, sorted first.
    public var preferTeam: String?
    /// Only cards after this place in the queue's order (keyset paging).
    public var after: QueueCursor?
    /// At most this many cards.
    public var limit: Int

    /// Creates a filter.
    public init(
        kind: ExceptionKind? = nil, decisionType: DecisionType? = nil, team: String? = nil,
        confidence: Confidence? = nil, minAgeHours: Double? = nil, preferTeam: String? = nil, limit: Int = 200
    ) {
        self.kind = kind
        self.decisionType = decisionType
        self.team = team
        self.confidence = confidence
        self.minAgeHours = minAgeHours
        self.preferTeam = preferTeam
        self.limit = limit
    }
}

/// One line of the review queue.
public struct QueueItem: Sendable, Hashable, Codable {
    /// The card.
    public var card: StoredCard
    /// Who has it open, while their lock lasts.
    public var lockedBy: String?
    /// The start of the exception's source text (an e-mail, a document), for the queue's one-line snippet; nil for
    /// a structured exception.
    public var snippet: String?

    /// How many characters of the source text a store reads for the snippet.
    public static let snippetLength = 240

    /// Creates an item.
    public init(card: StoredCard, lockedBy: String?, snippet: String? = nil) {
        self.card = card
        self.lockedBy = lockedBy
        self.snippet = snippet
    }
}

/// Everything a reviewer needs on one card, so they do not open three tools.
public struct CardContext: Sendable, Hashable, Codable {
    /// The card.
    public var card: StoredCard
    /// The exception with its source payload and text.
    public var exception: ExceptionRecord
    /// The storefront order the exception names (or the suggestion matched), with lines.
    public var order: Order?
    /// The WMS shipments of that order.
    public var shipments: [Shipment]
    /// The payment gateway's log for that order.
    public var payments: [Payment]
    /// Decisions recorded on the card.
    public var decisions: [DecisionRecord]
    /// Who has it open, while their lock lasts.
    public var lockedBy: String?
    /// Later exceptions about the same order and cause that joined this card, oldest first.
    public var linked: [ExceptionRecord]
    /// The orders the suggestion offered as candidates, with their lines, in the suggestion's order.
    public var candidateOrders: [Order] = []

    /// Creates a context.
    public init(
        card: StoredCard, exception: ExceptionRecord, order: Order?, shipments: [Shipment], payments: [Payment],
        decisions: [DecisionRecord], lockedBy: String?, linked: [ExceptionRecord] = []
    ) {
        self.linked = linked
        self.card = card
        self.exception = exception
        self.order = order
        self.shipments = shipments
        self.payments = payments
        self.decisions = decisions
        self.lockedBy = lockedBy
    }
}

/// A decision as the feedback log stores it.
public struct DecisionRecord: Sendable, Hashable, Codable {
    /// The row id.
    public var id: Int64
    /// The card decided.
    public var cardID: Int64
    /// Who decided: a reviewer's name, or `rule:ID@VERSION`.
    public var actor: String
    /// `reviewer` or `rule`.
    public var actorKind: String
    /// The final action.
    public var action: String
    /// The parameters executed with.
    public var parameters: [String: JSONValue]
    /// The fields the reviewer changed.
    public var editedFields: [String]
    /// The rule's or the AI's action, for agreement counts.
    public var suggestedAction: String?
    /// The rejection or edit reason.
    public var reason: String?
    /// When.
    public var decidedAt: Date
    /// Seconds from opening the card to deciding it.
    public var secondsToDecide: Double?
    /// What the originating system reported back (outbox delivery), once known.
    public var outcome: String?
    /// The bulk action the decision was part of, if any.
    public var batchID: String?

    /// Creates a record.
    public init(
        id: Int64, cardID: Int64, actor: String, actorKind: String, action: String, parameters: [String: JSONValue],
        editedFields: [String], suggestedAction: String?, reason: String?, decidedAt: Date, secondsToDecide: Double?,
        outcome: String?, batchID: String? = nil
    ) {
        self.batchID = batchID
        self.id = id
        self.cardID = cardID
        self.actor = actor
        self.actorKind = actorKind
        self.action = action
        self.parameters = parameters
        self.editedFields = editedFields
        self.suggestedAction = suggestedAction
        self.reason = reason
        self.decidedAt = decidedAt
        self.secondsToDecide = secondsToDecide
        self.outcome = outcome
    }
}

/// The store behind the reviewer page, API and CLI. Every method runs in its own transaction and is awaited, so a
/// request handler never blocks a cooperative thread on the database.
public protocol ReviewStore: Sendable {
    /// Adds a user; the caller made the token and passes only its hash. Only admins reach this.
    func addUser(
        name: String, role: ReviewerRole, team: String?, tokenHash: String, now: Date
    ) async throws -> Reviewer
    /// Every user (without token hashes), by name.
    func users() async throws -> [Reviewer]
    /// Removes the user named `name`: their sessions end and the cards they hold are released; their decisions keep
    /// their name. Nil when no user has that name.
    func removeUser(name: String) async throws -> Reviewer?
    /// Gives the user named `name` a new token (its hash) and ends their sessions, so the old token and every browser
    /// signed in with it stop working. Nil when no user has that name.
    func rotateToken(name: String, tokenHash: String) async throws -> Reviewer?
    /// The reviewer whose token hashes to `tokenHash`.
    func reviewer(tokenHash: String) async throws -> Reviewer?
    /// Starts a session for a reviewer; the caller keeps the id, the store only its hash.
    func startSession(reviewerID: Int64, sessionHash: String, expires: Date) async throws
    /// The reviewer of a live session.
    func reviewer(sessionHash: String, now: Date) async throws -> Reviewer?
    /// Ends a session.
    func endSession(sessionHash: String) async throws
    /// Open cards (open or awaiting confirmation), the preferred team first, then money at stake, then age.
    func reviewQueue(_ filter: QueueFilter, now: Date) async throws -> [QueueItem]
    /// Cards of any status, newest first: those with one of `statuses` (every status when empty) and of `kind` when
    /// given; at most `limit`.
    func cards(statuses: [CardStatus], kind: ExceptionKind?, limit: Int) async throws -> [StoredCard]
    /// Open cards per exception kind.
    func openCounts() async throws -> [ExceptionKind: Int]
    /// Gated cards awaiting confirmation per rule id: what a reviewer can accept in bulk.
    func gatedCounts() async throws -> [String: Int]
    /// The consolidated view of one card.
    func cardContext(id: Int64, now: Date) async throws -> CardContext?
    /// Locks a card to `reviewer` until `until`; refused while another reviewer holds it.
    func lockCard(id: Int64, reviewer: Reviewer, until: Date, now: Date) async throws -> Date
    /// Releases a reviewer's own lock; another reviewer's live lock is refused (`ReviewError.notLockHolder`).
    func unlockCard(id: Int64, reviewer: Reviewer, now: Date) async throws
    /// Plans and executes a decision in one transaction: the decision row, the state changes, the outbox messages,
    /// the card resolved and its lock released.
    func decide(
        _ request: ReviewRequest, by reviewer: Reviewer, planner: ReviewPlanner, now: Date
    ) async throws -> ReviewOutcome
    /// Escalated cards still open, grouped by source and error reason.
    func openEscalations() async throws -> [EscalationGroup]
    /// Exceptions that occurred in `[from, to)`, their cards and decisions, and users' teams: the weekly review's input.
    func feedbackData(from: Date, to: Date) async throws -> FeedbackData
    /// When the newest exception occurred.
    func latestExceptionDate() async throws -> Date?
    /// Stored exceptions that have no card yet (stored by a webhook, then the process stopped before routing).
    func unroutedExceptions(limit: Int) async throws -> [ExceptionRecord]
}

/// Escalated cards sharing a source and an error.
public struct EscalationGroup: Sendable, Hashable, Codable {
    /// The connector or system.
    public var source: String
    /// The error reason.
    public var reason: String
    /// How many open cards.
    public var count: Int
    /// The newest card ids, newest first.
    public var cardIDs: [Int64]
    /// When the last one happened.
    public var lastSeen: Date

    /// Creates a group.
    public init(source: String, reason: String, count: Int, cardIDs: [Int64], lastSeen: Date) {
        self.source = source
        self.reason = reason
        self.count = count
        self.cardIDs = cardIDs
        self.lastSeen = lastSeen
    }
}

/// A reviewer's decision with the card and exception it was made on: the raw material of harvested eval cases.
public struct ReviewedCard: Sendable, Hashable {
    /// The decision.
    public var decision: DecisionRecord
    /// The card, with its suggestion.
    public var card: StoredCard
    /// The exception as its source sent it.
    public var exception: ExceptionRecord

    /// Each decision with its card and the card's exception, in the decisions' order; a decision whose card or
    /// exception is missing is left out. Both stores read the three lists and join them here.
    public static func join(
        _ decisions: [DecisionRecord], cards: [StoredCard], exceptions: [ExceptionRecord]
    ) -> [ReviewedCard] {
        let cardsByID = Dictionary(cards.map { ($0.id, $0) }) { first, _ in first }
        let exceptionsByID = Dictionary(exceptions.map { ($0.id, $0) }) { first, _ in first }
        return decisions.compactMap { decision in
            guard let card = cardsByID[decision.cardID], let exception = exceptionsByID[card.card.exceptionID] else {
                return nil
            }
            return ReviewedCard(decision: decision, card: card, exception: exception)
        }
    }

    /// Creates a reviewed card.
    public init(decision: DecisionRecord, card: StoredCard, exception: ExceptionRecord) {
        self.decision = decision
        self.card = card
        self.exception = exception
    }
}
