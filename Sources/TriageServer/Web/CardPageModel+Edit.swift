import Foundation
import TriageCore

/// The card page's decision controls: accept, the edit form with one field per parameter of each action the card
/// allows (the chosen action's fields shown, the others hidden and disabled until the action changes), and reject.
/// A refused decision comes back as `form`: its values are shown again and its error sits next to its field.
extension PageModels {
    static func decisionControls(
        _ card: StoredCard, suggestion: Suggestion?, form: DecisionForm?, editAction: String?
    ) -> [String: Any] {
        let allowed = ReviewPlanner.allowedActions(on: card, suggestion: suggestion)
        let edit = form?.verdict == .edit ? form : nil
        let wanted = edit?.action ?? editAction ?? card.card.plan?.action ?? suggestion?.action
        let chosen = wanted.flatMap { allowed.contains($0) ? $0 : nil } ?? allowed.first ?? ""
        let current = ActionFields.current(on: card, suggestion: suggestion)
        let field = edit?.errorField
        let message = edit?.error ?? ""
        return withoutEmptyText([
            "editOpen": edit != nil || editAction != nil,
            "editActions": allowed.map { ["value": $0, "selected": $0 == chosen] },
            "fieldsets": allowed.map { action in
                [
                    "action": action, "chosen": action == chosen,
                    "fields": ActionFields.fields(for: action, current: current).map { spec in
                        let typed = action == chosen ? edit?.values[spec.name] : nil
                        return inputModel(
                            spec, action: action, value: typed ?? formText(current[spec.name]),
                            error: action == chosen && field == spec.name ? message : "")
                    },
                ] as [String: Any]
            },
            "actionError": field == "action" ? message : "",
            "editError": edit != nil && field == nil ? message : "",
            "editReason": edit?.reason ?? "",
            "acceptError": form?.verdict == .accept ? form?.error ?? "" : "",
            "rejectError": form?.verdict == .reject ? form?.error ?? "" : "",
            "rejectReason": form?.verdict == .reject ? form?.reason ?? "" : "",
        ])
    }

    /// One labelled input; `value` is always present (an empty input), `error` only when there is one.
    private static func inputModel(_ spec: ActionField, action: String, value: String, error: String) -> [String: Any] {
        var model: [String: Any] = [
            "name": spec.name, "label": spec.name.replacingOccurrences(of: "_", with: " "),
            "inputID": "p-\(action)-\(spec.name)", "value": value, "multiline": spec.kind == .json,
            "inputMode": spec.kind == .money ? "decimal" : spec.kind == .count ? "numeric" : "text",
        ]
        if !error.isEmpty { model["error"] = error }
        return model
    }

    /// A parameter as its input shows it: text as is, null as empty, anything else as JSON.
    static func formText(_ value: JSONValue?) -> String {
        switch value {
        case nil, .null?: ""
        case .string(let text)?: text
        case let value?: value.serialized
        }
    }

    /// Whether choosing `candidate` changes nothing: the card's parameters name it already.
    static func isSuggested(_ candidate: CandidateEvidence, suggestion: Suggestion, current: [String: JSONValue])
        -> Bool
    {
        let chosen = ActionFields.parameters(choosing: candidate, task: suggestion.task)
        return !chosen.isEmpty && chosen.allSatisfy { current[$0.key] == $0.value }
    }
}
