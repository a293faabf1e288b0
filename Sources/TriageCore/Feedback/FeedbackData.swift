import Foundation

/// What the weekly review reads: exceptions, their cards and the decisions on them, over the review's window.
public struct FeedbackData: Sendable, Hashable {
    /// One logged exception.
    public struct Exception: Sendable, Hashable {
        public var id: Int64
        public var kind: ExceptionKind
        public var source: String
        public var reason: String?
        public var occurredAt: Date
        public var handlingMinutes: Double?

        public init(id: Int64, kind: ExceptionKind, source: String, reason: String?, occurredAt: Date, handlingMinutes: Double?) {
            self.id = id
            self.kind = kind
            self.source = source
            self.reason = reason
            self.occurredAt = occurredAt
            self.handlingMinutes = handlingMinutes
        }
    }

    /// One card, with what it suggested.
    public struct Card: Sendable, Hashable {
        public var id: Int64
        public var exceptionID: Int64
        public var decisionType: DecisionType
        public var status: CardStatus
        public var team: String
        public var ruleID: String?
        public var ruleMode: RuleMode?
        /// The action of the rule's plan, when the rule made one (a rule that fell back to a person has none).
        public var ruleAction: String?
        /// The AI task, when the worker pre-filled the card.
        public var aiTask: AITask?
        /// The AI's suggested action, when it made one.
        public var aiAction: String?
        public var confidence: Confidence?

        public init(
            id: Int64, exceptionID: Int64, decisionType: DecisionType, status: CardStatus, team: String, ruleID: String?,
            ruleMode: RuleMode?, ruleAction: String?, aiTask: AITask?, aiAction: String?, confidence: Confidence?
        ) {
            self.id = id
            self.exceptionID = exceptionID
            self.decisionType = decisionType
            self.status = status
            self.team = team
            self.ruleID = ruleID
            self.ruleMode = ruleMode
            self.ruleAction = ruleAction
            self.aiTask = aiTask
            self.aiAction = aiAction
            self.confidence = confidence
        }
    }

    /// One decision: a reviewer's, or an auto rule's execution.
    public struct Decision: Sendable, Hashable {
        public var cardID: Int64
        public var actor: String
        /// `reviewer` or `rule`.
        public var actorKind: String
        public var action: String
        public var edited: Bool
        public var secondsToDecide: Double?
        public var decidedAt: Date

        public init(cardID: Int64, actor: String, actorKind: String, action: String, edited: Bool, secondsToDecide: Double?, decidedAt: Date) {
            self.cardID = cardID
            self.actor = actor
            self.actorKind = actorKind
            self.action = action
            self.edited = edited
            self.secondsToDecide = secondsToDecide
            self.decidedAt = decidedAt
        }
    }

    /// A rule of the routing table, as the review lists it.
    public struct RuleInfo: Sendable, Hashable {
        public var id: String
        public var kinds: [ExceptionKind]
        public var mode: RuleMode?
        public var action: String

        public init(id: String, kinds: [ExceptionKind], mode: RuleMode?, action: String) {
            self.id = id
            self.kinds = kinds
            self.mode = mode
            self.action = action
        }
    }

    public var exceptions: [Exception]
    public var cards: [Card]
    public var decisions: [Decision]
    /// When the exception log's first exception occurred (nil: unknown, every week counts).
    public var logStart: Date?
    /// Users' teams by name, for "who resolves this today".
    public var teams: [String: String]

    public init(
        exceptions: [Exception], cards: [Card], decisions: [Decision], teams: [String: String], logStart: Date? = nil
    ) {
        self.exceptions = exceptions
        self.cards = cards
        self.decisions = decisions
        self.teams = teams
        self.logStart = logStart
    }
}
