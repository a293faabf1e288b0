import Foundation

/// One JSON shape for plans, used both by `Codable` and by the store's fast path (routing writes a plan per card,
/// and `JSONEncoder` cost more than the SQLite insert).
extension ActionPlan {
    /// The plan as JSON.
    public var jsonValue: JSONValue {
        .object([
            "action": .string(action), "summary": .string(summary), "parameters": .object(parameters),
            "changes": .array(changes.map(\.jsonValue)), "messages": .array(messages.map(\.jsonValue)),
        ])
    }

    /// Reads a plan written by `jsonValue`; nil when the shape is wrong.
    public init?(json: JSONValue) {
        guard let action = json["action"]?.text, let summary = json["summary"]?.text else { return nil }
        let changes = (json["changes"]?.array ?? []).compactMap(StateChange.init(json:))
        let messages = (json["messages"]?.array ?? []).compactMap(OutboxDraft.init(json:))
        self.init(
            action: action, summary: summary, parameters: json["parameters"]?.object ?? [:], changes: changes,
            messages: messages)
    }

    public init(from decoder: any Decoder) throws {
        let json = try JSONValue(from: decoder)
        guard let plan = ActionPlan(json: json) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a plan"))
        }
        self = plan
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonValue.encode(to: encoder)
    }
}

extension StateChange {
    /// The change as JSON, e.g. `{"change":"order_status","order_number":"100231","status":"released"}`.
    public var jsonValue: JSONValue {
        switch self {
        case .orderStatus(let number, let status):
            ["change": "order_status", "order_number": .string(number), "status": .string(status)]
        case .orderPostcode(let number, let postcode):
            ["change": "order_postcode", "order_number": .string(number), "postcode": .string(postcode)]
        case .inventoryCount(let sku, let system, let quantity):
            ["change": "inventory_count", "sku": .string(sku), "system": .string(system), "quantity": .number(Double(quantity))]
        case .refund(let number, let amount):
            ["change": "refund", "order_number": .string(number), "amount": .string(amount.description)]
        case .returnedItems(let number, let quantities):
            [
                "change": "returned_items", "order_number": .string(number),
                "items": .object(quantities.mapValues { .number(Double($0)) }),
            ]
        }
    }

    /// Reads a change written by `jsonValue`.
    public init?(json: JSONValue) {
        let number = json["order_number"]?.text
        switch json["change"]?.text {
        case "order_status":
            guard let number, let status = json["status"]?.text else { return nil }
            self = .orderStatus(orderNumber: number, status: status)
        case "order_postcode":
            guard let number, let postcode = json["postcode"]?.text else { return nil }
            self = .orderPostcode(orderNumber: number, postcode: postcode)
        case "inventory_count":
            guard let sku = json["sku"]?.text, let system = json["system"]?.text, let quantity = json["quantity"]?.number
            else { return nil }
            self = .inventoryCount(sku: sku, system: system, quantity: Int(quantity))
        case "refund":
            guard let number, let amount = Money(json: json["amount"]) else { return nil }
            self = .refund(orderNumber: number, amount: amount)
        case "returned_items":
            guard let number, let items = json["items"]?.object else { return nil }
            self = .returnedItems(orderNumber: number, quantities: items.compactMapValues { $0.number.map { Int($0) } })
        default: return nil
        }
    }
}

extension OutboxDraft {
    /// The message as JSON.
    public var jsonValue: JSONValue {
        [
            "target_system": .string(targetSystem), "message_type": .string(messageType), "payload": payload,
            "idempotency_key": .string(idempotencyKey),
        ]
    }

    /// Reads a message written by `jsonValue`.
    public init?(json: JSONValue) {
        guard let target = json["target_system"]?.text, let type = json["message_type"]?.text,
            let key = json["idempotency_key"]?.text
        else { return nil }
        self.init(targetSystem: target, messageType: type, payload: json["payload"] ?? .null, idempotencyKey: key)
    }
}
