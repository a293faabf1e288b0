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
    public var payload: [String: JSONValue] {
        didSet { preparedPayloadText = nil }
    }
    /// The payload's canonical JSON, when ``preparePayloadText()`` wrote it ahead (ingest does, on the core that parses,
    /// so the core that stores does not); a change to the payload drops it. Not part of equality or encoding.
    public private(set) var preparedPayloadText: String?

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

    /// The payload as canonical JSON text, as the stores keep it.
    public var payloadText: String { preparedPayloadText ?? JSONValue.object(payload).serialized }

    /// Writes ``payloadText`` now, so that reading it later costs nothing.
    public mutating func preparePayloadText() {
        preparedPayloadText = JSONValue.object(payload).serialized
    }

    private enum CodingKeys: String, CodingKey {
        case source, eventID, kind, reason, occurredAt, orderNumber, handlingMinutes, text, payload
    }

    public static func == (lhs: NewException, rhs: NewException) -> Bool {
        (lhs.source, lhs.eventID, lhs.kind, lhs.reason, lhs.occurredAt) == (rhs.source, rhs.eventID, rhs.kind, rhs.reason, rhs.occurredAt)
            && (lhs.orderNumber, lhs.handlingMinutes, lhs.text) == (rhs.orderNumber, rhs.handlingMinutes, rhs.text)
            && lhs.payload == rhs.payload
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(eventID)
        hasher.combine(kind)
        hasher.combine(reason)
        hasher.combine(occurredAt)
        hasher.combine(orderNumber)
        hasher.combine(handlingMinutes)
        hasher.combine(text)
        hasher.combine(payload)
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
