import Foundation

/// The weekly review: where the hours go, what automation saved, whether rules and AI can be trusted more, which
/// upstream fix would remove work, who resolves what, and what cascaded. Every table exports to JSON and CSV.
public struct WeeklyReview: Sendable, Hashable, Codable {
    /// Hours spent on one exception type (count × median handling minutes).
    public struct TypeHours: Sendable, Hashable, Codable {
        public var kind: ExceptionKind
        public var count: Int
        public var medianMinutes: Double
        public var hours: Double
        public var previousHours: Double
        /// Weekly hours, oldest first, the review's week last (five weeks: about 30 days); nil for a week that ended
        /// before the exception log began (no data, which is not zero hours).
        public var trend: [Double?]
    }

    /// Auto-resolution of one type (or overall, `kind` nil).
    public struct Automation: Sendable, Hashable, Codable {
        public var kind: ExceptionKind?
        public var cards: Int
        public var autoResolved: Int
        public var rate: Double
        public var hoursSaved: Double
    }

    /// One rule: how often it fired this week and how often reviewers agreed with it.
    public struct RuleReview: Sendable, Hashable, Codable {
        public var ruleID: String
        public var mode: RuleMode?
        public var action: String
        public var fired: Int
        public var reviewed: Int
        public var agreed: Int
        public var agreement: Double?
        public var intervalLow: Double?
        public var intervalHigh: Double?
        /// Cards where the reviewer chose otherwise (card id and the reviewer's action), newest first.
        public var disagreements: [Disagreement]
        /// "promote to gated" / "promote to auto", or why not yet.
        public var promotion: String?
        public var promote: Bool
    }

    /// A card where the reviewer overruled the rule.
    public struct Disagreement: Sendable, Hashable, Codable {
        public var cardID: Int64
        public var reviewerAction: String
    }

    /// AI suggestions of one task and what reviewers did with them.
    public struct AIReview: Sendable, Hashable, Codable {
        public var task: AITask
        public var decided: Int
        public var accepted: Int
        public var edited: Int
        public var rejected: Int
        public var byConfidence: [ConfidenceBucket]
    }

    /// Acceptance within one confidence bucket: is "high" really right more often?
    public struct ConfidenceBucket: Sendable, Hashable, Codable {
        public var confidence: Confidence
        public var decided: Int
        public var accepted: Int
        public var rate: Double?
    }

    /// Median seconds from opening a card to deciding it, with and without an AI suggestion.
    public struct DecisionTimes: Sendable, Hashable, Codable {
        public var withSuggestion: Double?
        public var withSuggestionCount: Int
        public var withoutSuggestion: Double?
        public var withoutSuggestionCount: Int
    }

    /// An exception type where one resolution dominates: the fix belongs upstream.
    public struct UpstreamFix: Sendable, Hashable, Codable {
        public var kind: ExceptionKind
        public var action: String
        public var share: Double
        public var count: Int
        public var hoursPerWeek: Double
        public var advice: String
    }

    /// The playbook's diagnostic table, filled from data.
    public struct SupplyChainRow: Sendable, Hashable, Codable {
        public var kind: ExceptionKind
        public var sources: [String]
        public var decision: DecisionType?
        public var resolver: String
        public var routing: String
    }

    /// An hour in which one source raised far more exceptions of one type than it usually does.
    public struct Cascade: Sendable, Hashable, Codable {
        public var kind: ExceptionKind
        public var source: String
        public var hour: Date
        public var count: Int
        public var baselinePerHour: Double
        public var cardIDs: [Int64]
    }

    public var weekStart: Date
    public var weekEnd: Date
    public var types: [TypeHours]
    public var automation: Automation
    public var automationByType: [Automation]
    public var rules: [RuleReview]
    public var ai: [AIReview]
    public var decisionTimes: DecisionTimes
    public var upstream: [UpstreamFix]
    public var supplyChain: [SupplyChainRow]
    public var cascades: [Cascade]
    public var policy: ReviewPolicy

    /// The five types with the most hours.
    public var topFive: [TypeHours] { Array(types.prefix(5)) }
}
