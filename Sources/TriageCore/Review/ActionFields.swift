import Foundation

/// One parameter a reviewer can set when editing a card, and how a form's text for it becomes a value.
public struct ActionField: Sendable, Hashable {
    /// How the field's text becomes a parameter value. None refuses anything: the decision path validates the
    /// value as it validates every edit, so a form and the API refuse the same things with the same messages.
    public enum Kind: String, Sendable, Hashable {
        /// An amount of money, kept as the text typed ("19.99").
        case money
        /// A whole count, a number when it reads as one.
        case count
        /// A list or object (a refund's items, an invoice's lines): JSON when it parses, else the text.
        case json
        /// Text as typed.
        case text
    }

    /// The parameter's name (`amount`, `order_number`).
    public var name: String
    /// How its text is read.
    public var kind: Kind

    /// Creates a field.
    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// The value of `text` typed into this field; nil when it is empty, so the card's own value stands.
    public func value(_ text: String) -> JSONValue? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        switch kind {
        case .text, .money: return .string(trimmed)
        case .count: return Int(trimmed).map { .number(Double($0)) } ?? .string(trimmed)
        case .json: return ActionFields.jsonOrText(trimmed)
        }
    }
}

/// The parameters an edit form offers per action: those the card's plan or suggestion carries, those the action
/// takes (``EditRules``), and a note.
public enum ActionFields {
    /// The parameters an edit starts from: the rule's plan's, else the AI suggestion's.
    public static func current(on card: StoredCard, suggestion: Suggestion?) -> [String: JSONValue] {
        card.card.plan?.parameters ?? suggestion?.parameters ?? [:]
    }

    /// The fields of `action` on a card whose plan or suggestion carries `current`, in a stable order: the card's
    /// own parameters first, then those the action adds.
    public static func fields(for action: String, current: [String: JSONValue]) -> [ActionField] {
        let added = EditRules.accepted[action, default: []].union(EditRules.notes).subtracting(current.keys)
        return (current.keys.sorted() + added.sorted()).map { ActionField(name: $0, kind: kind(of: $0, current[$0])) }
    }

    /// The parameters choosing `candidate` sets for `task`: a return's order id and number, a warranty's order
    /// number, an invoice's purchase order.
    public static func parameters(choosing candidate: CandidateEvidence, task: AITask) -> [String: JSONValue] {
        switch task {
        case .invoice: ["po_number": .string(candidate.id)]
        case .warranty: candidate.orderNumber.map { ["order_number": .string($0)] } ?? [:]
        case .returnMatch:
            ["order_id": .string(candidate.id)].merging(
                candidate.orderNumber.map { ["order_number": .string($0)] } ?? [:]
            ) { $1 }
        }
    }

    /// JSON when `text` parses (`12.5`, `true`, `[…]`), else the text as written (`Oak Street`).
    public static func jsonOrText(_ text: String) -> JSONValue {
        do {
            return try JSONParser.parse(Array(text.utf8))
        } catch {
            return .string(text)
        }
    }

    private static func kind(of name: String, _ current: JSONValue?) -> ActionField.Kind {
        if EditRules.moneyKeys.contains(name) { return .money }
        if name == "wms_qty" { return .count }
        if name == "items" { return .json }
        switch current {
        case .array?, .object?, .number?, .bool?: return .json
        default: return .text
        }
    }
}

extension CandidateEvidence {
    /// The order number a candidate's label starts with ("102545 · Ana Ruiz · 2026-10-01 …"), nil when it has none.
    public var orderNumber: String? {
        guard let number = label.components(separatedBy: " · ").first, !number.isEmpty else { return nil }
        return number
    }
}
