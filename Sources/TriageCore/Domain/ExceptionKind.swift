/// The kinds of retail exception Triage handles.
public enum ExceptionKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// Payment state differs between the gateway and the storefront.
    case paymentDrift = "payment_drift"
    /// An order held because its shipping address (usually the postcode) failed validation.
    case addressHold = "address_hold"
    /// Stock counts differ between storefront, ERP and WMS.
    case inventoryDrift = "inventory_drift"
    /// A customer return request, with or without an order number.
    case returnRequest = "return_request"
    /// A supplier invoice received as unstructured text.
    case supplierInvoice = "supplier_invoice"
    /// A warranty claim received as a customer email.
    case warrantyClaim = "warranty_claim"
    /// A connector failed: timeout, 5xx, authentication error.
    case integrationFailure = "integration_failure"

    /// Human-readable label for tables and cards.
    public var label: String {
        switch self {
        case .paymentDrift: "Payment status drift"
        case .addressHold: "Address hold"
        case .inventoryDrift: "Inventory drift"
        case .returnRequest: "Return request"
        case .supplierInvoice: "Supplier invoice"
        case .warrantyClaim: "Warranty claim"
        case .integrationFailure: "Integration failure"
        }
    }
}

/// How an exception is decided.
public enum DecisionType: String, Sendable, Codable, CaseIterable, Hashable {
    /// A rule can decide.
    case binary
    /// A person decides from one consolidated card.
    case judgment
    /// A systemic integration failure for engineering.
    case escalated
    /// Unstructured input that goes to the AI worker before a person decides.
    case unstructured
}

/// How much a binary rule is trusted.
public enum RuleMode: String, Sendable, Codable, CaseIterable, Hashable {
    /// Decide and record, but a person still decides on a card.
    case shadow
    /// Pre-fill the card with the rule's action; one click confirms.
    case gated
    /// Execute the action.
    case auto
}

/// The AI worker's tasks.
public enum AITask: String, Sendable, Codable, CaseIterable, Hashable {
    /// A return without an order number: find the order.
    case returnMatch = "return_match"
    /// A supplier invoice: extract fields and match to a purchase order.
    case invoice
    /// A warranty email: tie to an order and decide the action.
    case warranty
}
