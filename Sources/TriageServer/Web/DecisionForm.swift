import Foundation
import TriageCore

/// What a reviewer posted from a card page (accept, edit or reject), kept as typed: it becomes a
/// ``ReviewRequest``, and when the decision path refuses it the page shows it again with the refusal next to the
/// field it names, so nothing typed is lost.
struct DecisionForm {
    /// The form's name prefix for one parameter of the chosen action (`p.amount`).
    static let parameterPrefix = "p."

    var verdict: ReviewVerdict
    /// The action chosen in the edit form, nil when none was sent.
    var action: String?
    /// Each parameter's text as typed, by parameter name.
    var values: [String: String] = [:]
    /// The candidate chosen on the card (an order, a purchase order), by id.
    var candidate: String?
    var reason: String?
    /// The decision path's refusal, once it refused.
    var error: String?

    /// Reads a posted form; a missing or unknown verdict is a 400.
    init(_ items: [(name: String, value: String)]) throws {
        let named = Dictionary(items.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
        guard let verdict = named["verdict"].flatMap(ReviewVerdict.init(rawValue:)) else {
            throw HTTPFailure(.badRequest, "verdict must be accept, edit or reject")
        }
        self.verdict = verdict
        action = named["action"].flatMap { $0.isEmpty ? nil : $0 }
        candidate = named["candidate"].flatMap { $0.isEmpty ? nil : $0 }
        reason = named["reason"]
        for item in items where item.name.hasPrefix(Self.parameterPrefix) {
            values[String(item.name.dropFirst(Self.parameterPrefix.count))] = item.value
        }
    }

    /// The request for `card`. Each parameter is read as its field's kind; an empty field keeps the card's value.
    /// A chosen candidate sets the parameters it names unless the reviewer typed another value into them.
    func request(cardID: Int64, card: StoredCard) throws(ReviewError) -> ReviewRequest {
        guard verdict == .edit else { return ReviewRequest(cardID: cardID, verdict: verdict, reason: reason) }
        let suggestion = try ReviewPlanner.suggestion(of: card)
        let current = ActionFields.current(on: card, suggestion: suggestion)
        let chosen = action ?? card.card.plan?.action ?? suggestion?.action ?? ""
        let fields = Dictionary(
            ActionFields.fields(for: chosen, current: current).map { ($0.name, $0) }, uniquingKeysWith: { $1 })
        var parameters: [String: JSONValue] = [:]
        for (name, text) in values {
            parameters[name] = (fields[name] ?? ActionField(name: name, kind: .text)).value(text)
        }
        if let suggestion, let picked = suggestion.candidates.first(where: { $0.id == candidate }) {
            for (key, value) in ActionFields.parameters(choosing: picked, task: suggestion.task)
            where parameters[key] == nil || parameters[key] == current[key] {
                parameters[key] = value
            }
        }
        return ReviewRequest(cardID: cardID, verdict: .edit, action: action, parameters: parameters, reason: reason)
    }

    /// The field the refusal names: `action`, or a parameter (`parameters.amount must be …` names `amount`); nil
    /// when it names none, and the refusal is shown above the form.
    var errorField: String? {
        guard let error else { return nil }
        if error.hasPrefix("action") { return "action" }
        guard error.hasPrefix("parameters.") else { return nil }
        let name = error.dropFirst("parameters.".count).prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return name.isEmpty ? nil : String(name)
    }
}
