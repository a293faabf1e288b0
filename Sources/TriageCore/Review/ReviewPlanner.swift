import Foundation

/// Turns a reviewer's verdict on a card into the action to execute: the rule's plan, the AI suggestion as a
/// confirmation to the system that owns the next step, or the reviewer's own choice. Pure; the store executes.
public struct ReviewPlanner: Sendable {
    /// The decision to record and the plan to execute (nil for a rejection).
    public struct Planned: Sendable, Hashable {
        /// The final action.
        public var action: String
        /// The parameters it runs with.
        public var parameters: [String: JSONValue]
        /// What the reviewer changed.
        public var editedFields: [String]
        /// What the card suggested (rule action or AI action), for agreement counts.
        public var suggestedAction: String?
        /// What runs on commit.
        public var plan: ActionPlan?
    }

    /// The actions a reviewer may choose per AI task.
    public static let actions: [AITask: [String]] = [
        .returnMatch: ["match_order", "no_match"],
        .invoice: ["approve", "hold_price", "hold_quantity", "duplicate", "no_po"],
        .warranty: ["replace", "repair", "refund", "deny", "need_info"],
    ]

    /// Creates a planner.
    public init() {}

    /// Plans `request` on `card`, whose exception is `record`.
    public func plan(_ request: ReviewRequest, card: StoredCard, record: ExceptionRecord) throws(ReviewError)
        -> Planned
    {
        let suggestion = try Self.suggestion(of: card)
        let suggested = card.card.plan?.action ?? suggestion?.action
        if request.batchID != nil { try Self.checkBulkAcceptable(request, card: card) }
        switch request.verdict {
        case .reject:
            guard let reason = request.reason?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty else {
                throw .invalid("a rejection needs a reason")
            }
            return Planned(action: "reject", parameters: [:], editedFields: [], suggestedAction: suggested, plan: nil)
        case .accept:
            if let plan = card.card.plan {
                return Planned(
                    action: plan.action, parameters: plan.parameters, editedFields: [], suggestedAction: suggested,
                    plan: plan)
            }
            guard let suggestion, let action = suggestion.action else {
                throw .invalid("the card has no suggestion to accept; edit it to choose an action")
            }
            return try planned(action, suggestion.parameters, edited: [], suggested: suggested, task: suggestion.task, card: card, record: record)
        case .edit:
            let action = request.action ?? suggested
            guard let action else { throw .invalid("an edit needs an action") }
            var parameters = ActionFields.current(on: card, suggestion: suggestion)
            if Self.allowedActions(on: card, suggestion: suggestion).contains(action) {  // else `planned` names the action
                try EditRules.checkKnown(Set(request.parameters.keys).subtracting(parameters.keys), action: action)
            }
            var edited = action == suggested ? [] : ["action"]
            for (key, value) in request.parameters.sorted(by: { $0.key < $1.key }) where parameters[key] != value {
                parameters[key] = value
                edited.append("parameters." + key)
            }
            return try planned(action, parameters, edited: edited, suggested: suggested, task: suggestion?.task, card: card, record: record)
        }
    }

    /// An AI card's action confirms to the system that owns the next step; any other card's action is one its kind
    /// allows, with parameters checked and state changes planned as the rule's own action would.
    /// A bulk action may only accept a gated rule's plan as it stands: never an AI suggestion, an edit or a
    /// rejection, and never a card without a plan.
    static func checkBulkAcceptable(_ request: ReviewRequest, card: StoredCard) throws(ReviewError) {
        guard request.verdict == .accept else { throw .notBulkAcceptable("only accepts are made in bulk") }
        if let refusal = bulkRefusal(card) { throw .notBulkAcceptable(refusal) }
    }

    /// Why `card` may not be accepted in bulk, nil when it may: it must be a gated rule's plan awaiting
    /// confirmation, with no AI suggestion.
    public static func bulkRefusal(_ card: StoredCard) -> String? {
        if card.suggestion != nil { return "an AI suggestion is decided on its own card" }
        guard card.card.status == .awaitingConfirmation, card.card.plan != nil, card.card.rule != nil else {
            return "no gated rule plan to accept"
        }
        return nil
    }

    private func planned(
        _ action: String, _ parameters: [String: JSONValue], edited: [String], suggested: String?, task: AITask?,
        card: StoredCard, record: ExceptionRecord
    ) throws(ReviewError) -> Planned {
        try Self.validate(action: action, parameters: parameters, task: task)
        try EditRules.checkOrder(parameters, card: card, record: record)
        if task == nil {
            let allowed = ManualAction.allowed(on: card)
            guard allowed.contains(action) else {
                throw .invalid("action: \(action) is not an action for this card (one of \(allowed.joined(separator: ", ")))")
            }
        }
        let plan = try ManualAction.plan(action, parameters, card: card, record: record, task: task)
        return Planned(action: action, parameters: plan.parameters, editedFields: edited, suggestedAction: suggested, plan: plan)
    }

    /// The action must be one of the task's; names and values are bounded so a form cannot smuggle a payload.
    static func validate(action: String, parameters: [String: JSONValue], task: AITask?) throws(ReviewError) {
        if let task, let allowed = actions[task], !allowed.contains(action) {
            throw .invalid("action: \(action) is not an action for \(task.rawValue) (one of \(allowed.joined(separator: ", ")))")
        }
        let isName = { (text: String) in
            !text.isEmpty && text.count <= 40 && text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
        }
        guard isName(action) else { throw .invalid("action must be lower-case letters, digits and _ (at most 40)") }
        guard parameters.count <= 40 else { throw .invalid("parameters: at most 40") }
        for (key, value) in parameters {
            guard isName(key) else { throw .invalid("parameter name \(key.prefix(40)) is not allowed") }
            guard value.serialized.utf8.count <= 2_000 else { throw .invalid("parameter \(key) is too long") }
        }
    }

    /// Who hears about a reviewed decision: the returns app, the ERP, customer service, else the source system.
    static func confirmation(for task: AITask?, action: String, record: ExceptionRecord) -> (String, String) {
        switch task {
        case .returnMatch: ("returns_app", "return.\(action)")
        case .invoice: ("erp", "invoice.\(action)")
        case .warranty: ("customer_service", "warranty.\(action)")
        case nil: (record.exception.source, "exception.\(action)")
        }
    }

    /// The actions a reviewer may choose on `card` with its (read) `suggestion`: its AI task's, else those its
    /// kind allows.
    public static func allowedActions(on card: StoredCard, suggestion: Suggestion?) -> [String] {
        if let task = suggestion?.task { return actions[task] ?? [] }
        return ManualAction.allowed(on: card)
    }

    /// The card's AI suggestion, when it has one. A stored suggestion that cannot be read is an error naming the
    /// card, never a card that silently has no suggestion.
    public static func suggestion(of card: StoredCard) throws(ReviewError) -> Suggestion? {
        guard let value = card.suggestion else { return nil }
        do {
            return try JSONCoding.decode(Suggestion.self, from: value.serialized)
        } catch {
            throw .unreadableSuggestion(cardID: card.id, reason: "\(error)")
        }
    }

    /// Where to find the order a card is about, most telling first: the exception's own order number, then the order
    /// id and the order number its AI suggestion matched. A store reads them in turn until one is stored.
    public static func orderReferences(of card: StoredCard, exception: ExceptionRecord) throws -> [OrderReference] {
        var references: [OrderReference] = exception.exception.orderNumber.map { [.number($0)] } ?? []
        let parameters = try suggestion(of: card)?.parameters ?? [:]
        if case .string(let id)? = parameters["order_id"] { references.append(.id(id)) }
        if case .string(let number)? = parameters["order_number"] { references.append(.number(number)) }
        return references
    }

    /// The ids of the orders a card's AI suggestion offered, in its order (at most ten).
    public static func candidateOrderIDs(of card: StoredCard) throws -> [String] {
        (try suggestion(of: card)?.candidates ?? []).prefix(10).map(\.id)
    }
}

/// An order named by its id or by its storefront number.
public enum OrderReference: Sendable, Hashable {
    case id(String)
    case number(String)
}
