import Foundation
import TriageCore

/// One line of `exceptions.jsonl`: snake_case keys, absent values left out.
public struct ExceptionLine: Sendable, Hashable, Codable {
    /// The raising system.
    public var source: String
    /// The source's event id.
    public var eventID: String
    /// The exception kind.
    public var kind: ExceptionKind
    /// The machine reason.
    public var reason: String?
    /// When it was raised.
    public var occurredAt: Date
    /// The storefront order number, when known.
    public var orderNumber: String?
    /// Minutes a person takes to handle it by hand.
    public var handlingMinutes: Double?
    /// Free text: an invoice or an email.
    public var text: String?
    /// Every other field the source sends.
    public var payload: [String: JSONValue]

    enum CodingKeys: String, CodingKey {
        case source, kind, reason, text, payload
        case eventID = "event_id"
        case occurredAt = "occurred_at"
        case orderNumber = "order_number"
        case handlingMinutes = "handling_minutes"
    }

    /// The line for an exception.
    public init(_ exception: NewException) {
        source = exception.source
        eventID = exception.eventID
        kind = exception.kind
        reason = exception.reason
        occurredAt = exception.occurredAt
        orderNumber = exception.orderNumber
        handlingMinutes = exception.handlingMinutes
        text = exception.text
        payload = exception.payload
    }

    /// The exception this line describes.
    public var exception: NewException {
        NewException(
            source: source, eventID: eventID, kind: kind, reason: reason, occurredAt: occurredAt,
            orderNumber: orderNumber, handlingMinutes: handlingMinutes, text: text, payload: payload)
    }
}
