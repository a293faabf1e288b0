import TriageCore

/// The action a rule names; each belongs to exactly one decision type.
public enum RuleAction: String, Sendable, CaseIterable, Hashable {
    /// Binary: release a paid order or cancel a refused one to match the gateway.
    case releaseOrCancelPayment = "release_or_cancel_payment"
    /// Binary: normalise a held order's postcode and release it.
    case normaliseAddress = "normalise_address"
    /// Binary: set storefront and ERP counts to the WMS count when the drift is small.
    case reconcileInventory = "reconcile_inventory"
    /// Binary: refund a return that matches its order and the return window.
    case refundReturn = "refund_return"
    /// Escalated: an engineering card with the error context.
    case escalate
    /// Unstructured: put the exception on the AI worker's queue.
    case queueAI = "queue_ai"
    /// Judgment: no action, a person decides.
    case none

    /// The decision type this action is valid for.
    public var decisionType: DecisionType {
        switch self {
        case .releaseOrCancelPayment, .normaliseAddress, .reconcileInventory, .refundReturn: .binary
        case .escalate: .escalated
        case .queueAI: .unstructured
        case .none: .judgment
        }
    }

    /// The actions valid for a decision type.
    public static func valid(for decision: DecisionType) -> [RuleAction] {
        allCases.filter { $0.decisionType == decision }
    }

    /// The parameters a rule may give this action and what each must be.
    var allowedParameters: [String: ParameterKind] {
        switch self {
        case .reconcileInventory: ["tolerance": .nonNegativeInteger, "tolerance_percent": .nonNegativeNumber]
        default: [:]
        }
    }
}

/// What a rule parameter must hold.
enum ParameterKind: Sendable {
    case nonNegativeInteger
    case nonNegativeNumber

    /// True when `value` fits.
    func accepts(_ value: JSONValue) -> Bool {
        guard case .number(let number) = value, number >= 0 else { return false }
        return self == .nonNegativeNumber || number.rounded() == number
    }

    /// What the value must be, for error messages.
    var expectation: String {
        switch self {
        case .nonNegativeInteger: "a whole number ≥ 0"
        case .nonNegativeNumber: "a number ≥ 0"
        }
    }
}
