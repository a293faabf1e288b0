import Foundation

/// A `cards` row as both stores hold it: plain column values, JSON columns as text, times as Unix seconds. Each store
/// reads its own row type into this, and ``StoredCard/init(columns:)`` makes the card, so the two stores cannot
/// disagree on what a row means.
public struct CardColumns: Sendable {
    public var id: Int64
    public var exceptionID: Int64
    public var kind: String
    public var decisionType: String
    public var status: String
    public var team: String
    public var title: String
    public var summary: String
    public var ruleID: String?
    public var ruleVersion: Int64?
    public var ruleMode: String?
    public var ruleAction: String?
    public var plan: String?
    public var amountCents: Int64?
    public var flags: String
    public var details: String
    public var suggestion: String?
    public var confidence: String?
    public var model: String?
    public var promptVersion: String?
    public var createdAt: Double
    public var updatedAt: Double
    public var resolvedAt: Double?
    public var joinedTo: Int64?

    /// The columns, in the order ``CardColumns/names`` lists them.
    public init(
        id: Int64, exceptionID: Int64, kind: String, decisionType: String, status: String, team: String,
        title: String, summary: String, ruleID: String?, ruleVersion: Int64?, ruleMode: String?, ruleAction: String?,
        plan: String?, amountCents: Int64?, flags: String, details: String, suggestion: String?, confidence: String?,
        model: String?, promptVersion: String?, createdAt: Double, updatedAt: Double, resolvedAt: Double?,
        joinedTo: Int64?
    ) {
        (self.id, self.exceptionID, self.kind, self.decisionType, self.status) = (id, exceptionID, kind, decisionType, status)
        (self.team, self.title, self.summary) = (team, title, summary)
        (self.ruleID, self.ruleVersion, self.ruleMode, self.ruleAction) = (ruleID, ruleVersion, ruleMode, ruleAction)
        (self.plan, self.amountCents, self.flags, self.details) = (plan, amountCents, flags, details)
        (self.suggestion, self.confidence, self.model, self.promptVersion) = (suggestion, confidence, model, promptVersion)
        (self.createdAt, self.updatedAt, self.resolvedAt, self.joinedTo) = (createdAt, updatedAt, resolvedAt, joinedTo)
    }

    /// The column names, in the initialiser's order, for a store's `SELECT`.
    public static let names = [
        "id", "exception_id", "kind", "decision_type", "status", "team", "title", "summary", "rule_id", "rule_version",
        "rule_mode", "rule_action", "plan", "amount_cents", "flags", "details", "suggestion", "confidence", "model",
        "prompt_version", "created_at", "updated_at", "resolved_at", "joined_to",
    ]
}

extension StoredCard {
    /// The card a row holds. A JSON column that does not decode is an error naming the card and the column.
    public init(columns row: CardColumns) throws {
        let decoder = JSONCoding.decoder()
        func decode<T: Decodable>(_ type: T.Type, _ text: String?, _ column: String) throws -> T? {
            guard let text else { return nil }
            do {
                return try decoder.decode(T.self, from: Data(text.utf8))
            } catch {
                throw StoredRowError(description: "card \(row.id): column \(column) does not decode: \(error)")
            }
        }
        let rule = row.ruleID.map { ruleID in
            RuleOutcome(
                ruleID: ruleID, ruleVersion: Int(row.ruleVersion ?? 0),
                mode: RuleMode(rawValue: row.ruleMode ?? "") ?? .shadow, action: row.ruleAction ?? "")
        }
        let card = NewCard(
            exceptionID: row.exceptionID, kind: ExceptionKind(rawValue: row.kind) ?? .integrationFailure,
            decisionType: DecisionType(rawValue: row.decisionType) ?? .judgment,
            status: CardStatus(rawValue: row.status) ?? .open, team: row.team, title: row.title,
            summary: row.summary, rule: rule, plan: try decode(ActionPlan.self, row.plan, "plan"),
            amountAtStake: row.amountCents.map(Money.init(cents:)),
            flags: try decode([String].self, row.flags, "flags") ?? [],
            details: try decode([String: JSONValue].self, row.details, "details") ?? [:],
            createdAt: Date(timeIntervalSince1970: row.createdAt))
        self.init(
            id: row.id, card: card, suggestion: try decode(JSONValue.self, row.suggestion, "suggestion"),
            confidence: row.confidence.flatMap(Confidence.init(rawValue:)), model: row.model,
            promptVersion: row.promptVersion, updatedAt: Date(timeIntervalSince1970: row.updatedAt),
            resolvedAt: row.resolvedAt.map(Date.init(timeIntervalSince1970:)), joinedTo: row.joinedTo)
    }
}

/// A `decisions` row as both stores hold it (see ``CardColumns``).
public struct DecisionColumns: Sendable {
    public var id: Int64
    public var cardID: Int64
    public var actor: String
    public var actorKind: String
    public var action: String
    public var parameters: String
    public var editedFields: String
    public var suggestedAction: String?
    public var reason: String?
    public var decidedAt: Double
    public var secondsToDecide: Double?
    public var outcome: String?
    public var batchID: String?

    /// The columns, in the order ``DecisionColumns/names`` lists them.
    public init(
        id: Int64, cardID: Int64, actor: String, actorKind: String, action: String, parameters: String,
        editedFields: String, suggestedAction: String?, reason: String?, decidedAt: Double, secondsToDecide: Double?,
        outcome: String?, batchID: String?
    ) {
        (self.id, self.cardID, self.actor, self.actorKind, self.action) = (id, cardID, actor, actorKind, action)
        (self.parameters, self.editedFields, self.suggestedAction, self.reason) = (parameters, editedFields, suggestedAction, reason)
        (self.decidedAt, self.secondsToDecide, self.outcome, self.batchID) = (decidedAt, secondsToDecide, outcome, batchID)
    }

    /// The column names, in the initialiser's order, for a store's `SELECT`.
    public static let names = [
        "id", "card_id", "actor", "actor_kind", "action", "parameters", "edited_fields", "suggested_action", "reason",
        "decided_at", "seconds_to_decide", "outcome", "batch_id",
    ]
}

extension DecisionRecord {
    /// The decision a row holds; parameters or edited fields that do not decode are an error naming the decision.
    public init(columns row: DecisionColumns) throws {
        let parameters: [String: JSONValue]
        let edited: [String]
        do {
            parameters = try JSONCoding.decode([String: JSONValue].self, from: row.parameters)
            edited = try JSONCoding.decode([String].self, from: row.editedFields)
        } catch {
            throw StoredRowError(description: "decision \(row.id): parameters or edited_fields do not decode: \(error)")
        }
        self.init(
            id: row.id, cardID: row.cardID, actor: row.actor, actorKind: row.actorKind, action: row.action,
            parameters: parameters, editedFields: edited, suggestedAction: row.suggestedAction, reason: row.reason,
            decidedAt: Date(timeIntervalSince1970: row.decidedAt), secondsToDecide: row.secondsToDecide,
            outcome: row.outcome, batchID: row.batchID)
    }
}

/// A stored row that does not mean anything: the message names the row and the column.
public struct StoredRowError: Error, CustomStringConvertible {
    public let description: String

    /// An error with this message.
    public init(description: String) { self.description = description }
}
