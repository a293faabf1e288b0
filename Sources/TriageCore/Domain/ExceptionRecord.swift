import Foundation

/// One exception as it arrives from a source system, before it is stored.
public struct NewException: Sendable, Hashable, Codable {
    /// The system that raised it (storefront, gateway, wms, returns_app, mail, connector, …).
    public var source: String
    /// The source's own id for the event; (source, eventID) is unique.
    public var eventID: String
    /// What kind of exception this is.
    public var kind: ExceptionKind
    /// A short machine reason, e.g. `zip_format`, `timeout`, `status_mismatch`.
    public var reason: String?
    /// When the source raised it.
    public var occurredAt: Date
    /// The storefront order number it concerns, when known.
    public var orderNumber: String?
    /// Minutes a person spent (or is estimated to spend) handling it by hand.
    public var handlingMinutes: Double?
    /// Free text that came with it: an email body, an invoice, an error message.
    public var text: String?
    /// Every other field the source sent.
    public var payload: [String: JSONValue]

    /// Creates an exception.
    public init(
        source: String, eventID: String, kind: ExceptionKind, reason: String? = nil, occurredAt: Date,
        orderNumber: String? = nil, handlingMinutes: Double? = nil, text: String? = nil,
        payload: [String: JSONValue] = [:]
    ) {
        self.source = source
        self.eventID = eventID
        self.kind = kind
        self.reason = reason
        self.occurredAt = occurredAt
        self.orderNumber = orderNumber
        self.handlingMinutes = handlingMinutes
        self.text = text
        self.payload = payload
    }
}

/// A stored exception.
public struct ExceptionRecord: Sendable, Hashable, Codable, Identifiable {
    /// The exception log's id.
    public var id: Int64
    /// The exception as received.
    public var exception: NewException
    /// When Triage stored it.
    public var receivedAt: Date

    /// Creates a stored exception.
    public init(id: Int64, exception: NewException, receivedAt: Date) {
        self.id = id
        self.exception = exception
        self.receivedAt = receivedAt
    }

    /// The payload field `name`, or one of the record's own fields under that name.
    public func field(_ name: String) -> JSONValue? {
        switch name {
        case "source": return .string(exception.source)
        case "event_id": return .string(exception.eventID)
        case "kind": return .string(exception.kind.rawValue)
        case "reason": return exception.reason.map(JSONValue.string)
        case "order_number": return exception.orderNumber.map(JSONValue.string)
        case "handling_minutes": return exception.handlingMinutes.map(JSONValue.number)
        case "text": return exception.text.map(JSONValue.string)
        default: return exception.payload[name]
        }
    }
}
