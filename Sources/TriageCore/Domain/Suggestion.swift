import Foundation

/// One candidate the worker offered (an order, a purchase order) and why it scored as it did.
public struct CandidateEvidence: Sendable, Hashable, Codable {
    /// The candidate's id (order id, PO number).
    public var id: String
    /// What a reviewer recognises it by, e.g. "#100231 · Ada Byron · 2026-10-01 · 48.48 USD".
    public var label: String
    /// The deterministic score, 0…1.
    public var score: Double
    /// The signals behind the score, e.g. "email matches", "postcode matches", "SKU K-1 on order".
    public var reasons: [String]

    /// Creates a candidate.
    public init(id: String, label: String, score: Double, reasons: [String]) {
        self.id = id
        self.label = label
        self.score = score
        self.reasons = reasons
    }
}

/// What the AI worker pre-fills on a card: the suggested action, the candidates and the evidence.
public struct Suggestion: Sendable, Hashable, Codable {
    /// The task that produced it.
    public var task: AITask
    /// The suggested action (e.g. `refund`, `approve`, `hold_price`, `match_order`), nil when there is none.
    public var action: String?
    /// The action's parameters and the extracted fields (order_id, amount, supplier, invoice_number, …).
    public var parameters: [String: JSONValue]
    /// The candidates offered to the model, best first.
    public var candidates: [CandidateEvidence]
    /// Quotes from the source text that support the suggestion.
    public var evidence: [String]
    /// How far it can be trusted, from checkable signals.
    public var confidence: Confidence
    /// The model that answered; nil when the deterministic path decided alone.
    public var model: String?
    /// SHA-256 of the prompt template and schema; nil when no prompt was sent.
    public var promptVersion: String?
    /// Notes for the reviewer: disagreements, cross-check results, policy check.
    public var notes: [String]
    /// Warnings: `possible_injection`, `policy_check_failed`, `model_disagreed`, …
    public var flags: [String]
    /// Why there is no suggestion, when `action` is nil.
    public var noSuggestionReason: String?
    /// Tokens in the prompt(s) sent.
    public var promptTokens: Int
    /// Tokens in the reply(ies).
    public var completionTokens: Int
    /// Wall time of the model call(s), seconds.
    public var latencySeconds: Double

    /// Creates a suggestion.
    public init(
        task: AITask, action: String?, parameters: [String: JSONValue] = [:], candidates: [CandidateEvidence] = [],
        evidence: [String] = [], confidence: Confidence, model: String? = nil, promptVersion: String? = nil,
        notes: [String] = [], flags: [String] = [], noSuggestionReason: String? = nil, promptTokens: Int = 0,
        completionTokens: Int = 0, latencySeconds: Double = 0
    ) {
        self.task = task
        self.action = action
        self.parameters = parameters
        self.candidates = candidates
        self.evidence = evidence
        self.confidence = confidence
        self.model = model
        self.promptVersion = promptVersion
        self.notes = notes
        self.flags = flags
        self.noSuggestionReason = noSuggestionReason
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.latencySeconds = latencySeconds
    }
}
