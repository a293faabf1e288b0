import Foundation

/// Where a card is in its life.
public enum CardStatus: String, Sendable, Codable, CaseIterable, Hashable {
    /// A person must decide.
    case open
    /// A gated rule pre-filled the action; one click confirms.
    case awaitingConfirmation = "awaiting_confirmation"
    /// Waiting for the AI worker to pre-fill it.
    case awaitingWorker = "awaiting_worker"
    /// A rule in auto mode executed the action.
    case autoResolved = "auto_resolved"
    /// A person decided.
    case resolved
    /// Joined an older undecided card about the same order and cause; it is decided there, once.
    case joined

    /// Whether a person may decide a card in this status (open, or awaiting confirmation of a rule's plan).
    public var awaitsDecision: Bool { self == .open || self == .awaitingConfirmation }

    /// The statuses of an undecided card, which a later exception about the same order and cause joins.
    public static let joinable: [CardStatus] = [.open, .awaitingConfirmation, .awaitingWorker]
}

/// How far a card's suggestion can be trusted, from checkable signals.
public enum Confidence: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    case low, medium, high

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        }
    }

    public static func < (lhs: Confidence, rhs: Confidence) -> Bool { lhs.rank < rhs.rank }
}

/// The rule that decided a card, and how it got there.
public struct RuleOutcome: Sendable, Hashable, Codable {
    /// The rule's id.
    public var ruleID: String
    /// The rule's version.
    public var ruleVersion: Int
    /// The rule's mode.
    public var mode: RuleMode
    /// The action the rule named.
    public var action: String

    /// Creates a rule outcome.
    public init(ruleID: String, ruleVersion: Int, mode: RuleMode, action: String) {
        self.ruleID = ruleID
        self.ruleVersion = ruleVersion
        self.mode = mode
        self.action = action
    }
}

/// A card as written by the router or the worker.
public struct NewCard: Sendable, Hashable, Codable {
    /// The exception it is about; one card per exception.
    public var exceptionID: Int64
    /// The exception's kind, for filtering.
    public var kind: ExceptionKind
    /// How it is decided.
    public var decisionType: DecisionType
    /// Where it is.
    public var status: CardStatus
    /// The owning team.
    public var team: String
    /// One line for the queue.
    public var title: String
    /// Why the card looks the way it does (rule outcome, fallback reason, waiting for the worker).
    public var summary: String
    /// The rule that decided it, if any.
    public var rule: RuleOutcome?
    /// The action proposed or executed, if any.
    public var plan: ActionPlan?
    /// Money at stake, for priority.
    public var amountAtStake: Money?
    /// Warnings for the reviewer.
    public var flags: [String]
    /// Consolidated context: the order, the error details, the counts.
    public var details: [String: JSONValue]
    /// When it was written.
    public var createdAt: Date

    /// Creates a card.
    public init(
        exceptionID: Int64, kind: ExceptionKind, decisionType: DecisionType, status: CardStatus, team: String,
        title: String, summary: String, rule: RuleOutcome? = nil, plan: ActionPlan? = nil,
        amountAtStake: Money? = nil, flags: [String] = [], details: [String: JSONValue] = [:], createdAt: Date
    ) {
        self.exceptionID = exceptionID
        self.kind = kind
        self.decisionType = decisionType
        self.status = status
        self.team = team
        self.title = title
        self.summary = summary
        self.rule = rule
        self.plan = plan
        self.amountAtStake = amountAtStake
        self.flags = flags
        self.details = details
        self.createdAt = createdAt
    }
}

/// A card as stored, with what the worker and reviewers added.
public struct StoredCard: Sendable, Hashable, Codable, Identifiable {
    /// The card's id.
    public var id: Int64
    /// The card as written.
    public var card: NewCard
    /// The AI worker's suggestion, as stored JSON, if any.
    public var suggestion: JSONValue?
    /// Confidence in the suggestion or rule decision, if set.
    public var confidence: Confidence?
    /// The model that made the suggestion.
    public var model: String?
    /// The prompt version (SHA-256 of template + schema) the suggestion came from.
    public var promptVersion: String?
    /// When it was last changed.
    public var updatedAt: Date
    /// When it was decided.
    public var resolvedAt: Date?
    /// The older card about the same order and cause this one joined (status `joined`).
    public var joinedTo: Int64?

    /// Creates a stored card.
    public init(
        id: Int64, card: NewCard, suggestion: JSONValue? = nil, confidence: Confidence? = nil, model: String? = nil,
        promptVersion: String? = nil, updatedAt: Date, resolvedAt: Date? = nil, joinedTo: Int64? = nil
    ) {
        self.joinedTo = joinedTo
        self.id = id
        self.card = card
        self.suggestion = suggestion
        self.confidence = confidence
        self.model = model
        self.promptVersion = promptVersion
        self.updatedAt = updatedAt
        self.resolvedAt = resolvedAt
    }
}
