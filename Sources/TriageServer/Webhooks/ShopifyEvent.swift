import Foundation
import TriageCore

/// One Shopify webhook delivery, dispatched on its `X-Shopify-Topic` and read as an operations clerk would: an
/// exception to work on, or an event that needs nobody.
struct ShopifyEvent {
    /// The topics mapped from Shopify's own payloads.
    static let topics = ["orders/updated", "refunds/create", "fulfillments/update"]
    /// The topic (besides none at all) under which the body is Triage's own exception record.
    static let triageTopic = "triage/exception"

    /// The `X-Shopify-Topic` header.
    let topic: String
    /// The `X-Shopify-Webhook-Id` header: the exception's event id, so a redelivery is a duplicate.
    let webhookID: String
    /// The raw body the signature covered.
    let body: Data
    /// When the event arrived; the time of an exception whose payload names none.
    let now: Date

    /// True when the body is Triage's exception-record format: no topic, or ``triageTopic``.
    static func isTriageRecord(topic: String?) -> Bool {
        guard let topic = topic?.trimmingCharacters(in: .whitespaces) else { return true }
        return topic.isEmpty || topic == triageTopic
    }

    /// What the event means; an unsupported topic is an ``UnsupportedEvent``, a malformed payload a `FieldError`.
    func outcome() throws -> ShopEventOutcome {
        switch topic {
        case "orders/updated": return order(try ShopPayloadDecoder.decode(ShopifyPayload.Order.self, from: body))
        case "refunds/create": return refund(try ShopPayloadDecoder.decode(ShopifyPayload.Refund.self, from: body))
        case "fulfillments/update":
            return fulfillment(try ShopPayloadDecoder.decode(ShopifyPayload.Fulfillment.self, from: body))
        default:
            let triage = "\(Self.triageTopic) (or no topic) for Triage's own exception record"
            throw UnsupportedEvent(noun: "X-Shopify-Topic", name: topic, supported: Self.topics + [triage])
        }
    }

    /// An exception from this delivery: source `shopify`, the webhook id, and the topic in the payload.
    func exception(
        _ kind: ExceptionKind, reason: String, at time: String?, orderNumber: String?, text: String? = nil,
        payload: [String: JSONValue]
    ) -> NewException {
        var payload = payload
        payload["shopify_topic"] = .string(topic)
        return NewException(
            source: "shopify", eventID: webhookID, kind: kind, reason: reason,
            occurredAt: time.flatMap(ISODate.parse) ?? now, orderNumber: orderNumber.map(IdentifierText.orderNumber),
            text: text, payload: payload)
    }
}

extension JSONValue {
    /// A Shopify id as text, exactly (it is past the 2^53 a JSON number keeps).
    static func id(_ value: Int64) -> JSONValue { .string(String(value)) }

    /// The text, or null when absent.
    static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
}
