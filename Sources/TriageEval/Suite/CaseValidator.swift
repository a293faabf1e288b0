import Foundation
import TriageCore

/// Checks a case's input and expected labels against the contract's table for its task.
struct CaseValidator {
    let task: AITask

    /// What is wrong with one field.
    struct Problem: Error {
        let field: String
        let message: String
    }

    static let invoiceActions = ["approve", "hold_price", "hold_quantity", "duplicate", "no_po"]
    static let warrantyActions = ["replace", "repair", "refund", "deny", "need_info"]

    func check(input: [String: JSONValue], expected: [String: JSONValue]) throws(Problem) {
        try checkInput(input)
        try checkExpected(expected)
    }

    private func checkInput(_ input: [String: JSONValue]) throws(Problem) {
        switch task {
        case .returnMatch:
            guard isText(input["text"]) || isText(input["customer_name"]) else {
                throw Problem(field: "input.text", message: "a return needs text or customer_name")
            }
        case .invoice:
            guard isText(input["text"]) else { throw Problem(field: "input.text", message: "expected a non-empty string") }
        case .warranty:
            guard isText(input["body"]) else { throw Problem(field: "input.body", message: "expected a non-empty string") }
        }
        if let received = input["received_at"], !received.isNull {
            guard case .string(let text) = received, ISODate.parse(text) != nil else {
                throw Problem(field: "input.received_at", message: "expected an ISO 8601 date")
            }
        }
    }

    private func checkExpected(_ expected: [String: JSONValue]) throws(Problem) {
        for (key, value) in expected {
            guard value.isNull || value.text != nil else {
                throw Problem(field: "expected.\(key)", message: "expected a string or null")
            }
        }
        if task == .returnMatch, expected["order_id"] == nil {
            throw Problem(field: "expected.order_id", message: "missing (use null for \"no order matches\")")
        }
        let actions = task == .invoice ? Self.invoiceActions : task == .warranty ? Self.warrantyActions : []
        if let action = expected["action"]?.text, !actions.isEmpty, !actions.contains(action) {
            throw Problem(field: "expected.action", message: "unknown action \"\(action.prefix(40))\"")
        }
    }

    private func isText(_ value: JSONValue?) -> Bool {
        if case .string(let text)? = value { return !text.trimmingCharacters(in: .whitespaces).isEmpty }
        return false
    }
}
