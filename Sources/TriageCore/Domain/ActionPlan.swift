import Foundation

/// A change to reference data that executing an action makes.
public enum StateChange: Sendable, Hashable {
    /// Set an order's status.
    case orderStatus(orderNumber: String, status: String)
    /// Replace an order's shipping postcode with its normalised form.
    case orderPostcode(orderNumber: String, postcode: String)
    /// Set a SKU's count in one system.
    case inventoryCount(sku: String, system: String, quantity: Int)
    /// Record a refund against an order.
    case refund(orderNumber: String, amount: Money)
    /// Record items taken back on an order, quantity per SKU, so they are not refunded twice.
    case returnedItems(orderNumber: String, quantities: [String: Int])

    /// The order the change touches; nil for an inventory count.
    public var orderNumber: String? {
        switch self {
        case .orderStatus(let number, _), .orderPostcode(let number, _), .refund(let number, _),
            .returnedItems(let number, _):
            number
        case .inventoryCount:
            nil
        }
    }
}

/// A message to confirm an executed action back to the originating system.
public struct OutboxDraft: Sendable, Hashable, Codable {
    /// The system to tell: storefront, erp, wms, returns_app, gateway.
    public var targetSystem: String
    /// What happened, e.g. `order.release`, `inventory.set`, `refund.issue`.
    public var messageType: String
    /// The message body.
    public var payload: JSONValue
    /// A key the receiver uses to ignore a repeated delivery.
    public var idempotencyKey: String

    /// Creates a message.
    public init(targetSystem: String, messageType: String, payload: JSONValue, idempotencyKey: String) {
        self.targetSystem = targetSystem
        self.messageType = messageType
        self.payload = payload
        self.idempotencyKey = idempotencyKey
    }
}

/// What an action would do when executed: the state changes and the messages to send.
public struct ActionPlan: Sendable, Hashable, Codable {
    // Codable goes through `jsonValue` (ActionPlan+JSON.swift).
    /// The action's name, e.g. `release_order`, `refund`.
    public var action: String
    /// One line a reviewer reads, e.g. "Refund 48.48 USD on order #100231".
    public var summary: String
    /// The validated parameters.
    public var parameters: [String: JSONValue]
    /// The changes to reference data.
    public var changes: [StateChange]
    /// The confirmations to send.
    public var messages: [OutboxDraft]

    /// Creates a plan.
    public init(
        action: String, summary: String, parameters: [String: JSONValue] = [:], changes: [StateChange] = [],
        messages: [OutboxDraft] = []
    ) {
        self.action = action
        self.summary = summary
        self.parameters = parameters
        self.changes = changes
        self.messages = messages
    }
}
