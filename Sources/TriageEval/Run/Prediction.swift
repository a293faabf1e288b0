import Foundation
import TriageCore

/// Reads a task's answer from a suggestion, under the keys the contract labels.
public enum Prediction {
    /// The keys a task's prediction carries.
    public static func keys(for task: AITask) -> [String] {
        switch task {
        case .returnMatch: ["order_id"]
        case .invoice: ["supplier", "invoice_number", "invoice_date", "total", "currency", "po_number", "action"]
        case .warranty: ["action", "order_number", "order_ref"]
        }
    }

    /// The prediction: `action` from the suggestion's action, the other keys from its parameters (null when absent).
    public static func from(_ suggestion: Suggestion, task: AITask) -> [String: JSONValue] {
        var prediction: [String: JSONValue] = [:]
        for key in keys(for: task) {
            if key == "action" {
                prediction[key] = suggestion.action.map(JSONValue.string) ?? .null
            } else {
                let value = suggestion.parameters[key] ?? .null
                prediction[key] = value.isNull ? .null : value.text.map(JSONValue.string) ?? value
            }
        }
        return prediction
    }
}
