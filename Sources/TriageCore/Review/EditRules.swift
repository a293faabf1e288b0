import Foundation

/// What an edit may change on a card: the parameters each action takes, and the orders it may name. An edit is a
/// new plan typed by a person; it is re-validated like one before anything executes, so a form cannot pay
/// another customer's order or smuggle a payee into a message.
public enum EditRules {
    /// The parameters a reviewer may add per action, beyond those the card's plan or suggestion already carries.
    static let accepted: [String: Set<String>] = [
        "refund": ["order_number", "amount", "items"],
        "release_order": ["order_number"], "cancel_order": ["order_number"],
        "fix_address": ["order_number", "postcode", "country"],
        "reconcile_inventory": ["sku", "wms_qty"],
        "match_order": ["order_id", "order_number", "refund_amount"],
        "replace": ["order_number", "sku"], "repair": ["order_number", "sku"],
    ]

    /// Parameters any action may carry: a note for the receiving system.
    static let notes: Set<String> = ["note"]

    /// The parameters that pay out money, per action.
    static let moneyKeys = ["amount", "refund_amount"]

    /// Refuses parameters the reviewer added that `action` does not take, naming them.
    static func checkKnown(_ added: Set<String>, action: String) throws(ReviewError) {
        let allowed = accepted[action, default: []].union(notes)
        let unknown = added.subtracting(allowed).sorted()
        guard !unknown.isEmpty else { return }
        throw .invalid(
            "parameters: \(unknown.joined(separator: ", ")) \(unknown.count == 1 ? "is" : "are") not a parameter of "
                + "\(action) (it takes \(allowed.sorted().joined(separator: ", ")))")
    }

    /// Refuses an order the card is not about: an edit may name the card's own order, or one of its candidates.
    static func checkOrder(_ parameters: [String: JSONValue], card: StoredCard, record: ExceptionRecord) throws(ReviewError) {
        let orders = try CardOrders(card: card, record: record)
        if let number = parameters["order_number"]?.text, !orders.allows(number: number) {
            throw .invalid(
                "parameters.order_number: order #\(number.prefix(64)) is neither this card's order nor one of its "
                    + "candidates\(orders.listed)")
        }
        if let id = parameters["order_id"]?.text, !orders.allows(id: id) {
            throw .invalid("parameters.order_id: \(id.prefix(64)) is not one of this card's candidate orders")
        }
    }
}

/// The orders a card is about: its exception's, its suggestion's, and its candidates'.
struct CardOrders {
    var numbers: Set<String> = []
    var ids: Set<String> = []

    init(card: StoredCard, record: ExceptionRecord) throws(ReviewError) {
        let suggestion = try ReviewPlanner.suggestion(of: card)
        for parameters in [card.card.plan?.parameters, suggestion?.parameters].compactMap({ $0 }) {
            if let number = parameters["order_number"]?.text { numbers.insert(number) }
            if let id = parameters["order_id"]?.text { ids.insert(id) }
        }
        if let number = record.exception.orderNumber { numbers.insert(number) }
        for candidate in suggestion?.candidates ?? [] {
            ids.insert(candidate.id)
            if let number = candidate.orderNumber { numbers.insert(number) }
        }
    }

    func allows(number: String) -> Bool { numbers.contains(IdentifierText.normalised(number)) }
    func allows(id: String) -> Bool { ids.contains(id) }

    /// " (#1, #2)" for the message, or nothing when the card names no order.
    var listed: String {
        numbers.isEmpty ? "" : " (#\(numbers.sorted().prefix(10).joined(separator: ", #")))"
    }
}
