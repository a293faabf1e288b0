import Foundation
import TriageCore

/// One Stripe event (`charge.refunded`, `payment_intent.payment_failed`) read as the gateway's word on an order's
/// payment: source `gateway`, as Adyen's notifications, so the payment rules read both alike.
struct StripeEvent: Decodable {
    /// The event types mapped to exceptions.
    static let types = ["charge.refunded", "payment_intent.payment_failed"]

    /// The event envelope's fields.
    struct Envelope: Decodable {
        var id: String
        var type: String
        var created: Int64
    }

    /// The charge or PaymentIntent in `data.object`.
    struct Object: Decodable {
        struct PaymentError: Decodable {
            var code: String?
            var declineCode: String?
            var message: String?
        }
        var id: String
        var amount: Int64?
        var amountRefunded: Int64?
        var currency: String?
        var refunded: Bool?
        var paymentIntent: String?
        var metadata: [String: String]?
        var lastPaymentError: PaymentError?
    }

    struct Wrapped: Decodable { var object: Object }

    var data: Wrapped

    /// Metadata keys a shop puts its order number under, in the order they are read.
    static let orderKeys = ["order_number", "order_id"]

    /// What the event means; an unsupported type is an ``UnsupportedEvent``, a malformed one a `FieldError`.
    static func outcome(_ body: Data) throws -> ShopEventOutcome {
        let envelope = try ShopPayloadDecoder.decode(Envelope.self, from: body)
        guard types.contains(envelope.type) else {
            throw UnsupportedEvent(noun: "event type", name: envelope.type, supported: types)
        }
        let object = try ShopPayloadDecoder.decode(StripeEvent.self, from: body).data.object
        return envelope.type == "charge.refunded"
            ? .exception(refund(object, envelope)) : paymentFailed(object, envelope)
    }

    /// A refund at the gateway: the storefront order must show it too (finance reconciles).
    private static func refund(_ charge: Object, _ envelope: Envelope) -> NewException {
        let full = charge.refunded == true || (charge.amountRefunded ?? 0) >= (charge.amount ?? .max)
        let status = full ? "refunded" : "partially_refunded"
        var payload = basePayload(charge, status: status, amount: charge.amountRefunded)
        payload["charge_id"] = .string(charge.id)
        return exception(envelope, charge, reason: "gateway_" + status, text: nil, payload: payload)
    }

    /// A declined payment for an order waiting on it; a failed attempt with no order behind it needs nobody.
    private static func paymentFailed(_ intent: Object, _ envelope: Envelope) -> ShopEventOutcome {
        guard orderNumber(intent) != nil else {
            let keys = orderKeys.joined(separator: " or ")
            return .notAnException(
                "payment \(intent.id) failed before any order was placed (no \(keys) in its metadata): "
                    + "the customer retries at checkout")
        }
        var payload = basePayload(intent, status: "refused", amount: intent.amount)
        payload["decline_code"] = .optional(intent.lastPaymentError?.declineCode)
        payload["failure_code"] = .optional(intent.lastPaymentError?.code)
        return .exception(
            exception(
                envelope, intent, reason: "gateway_refused", text: intent.lastPaymentError?.message, payload: payload))
    }

    private static func basePayload(_ object: Object, status: String, amount: Int64?) -> [String: JSONValue] {
        [
            "gateway": "stripe", "gateway_status": .string(status),
            "psp_reference": .string(object.paymentIntent ?? object.id),
            "gateway_amount_minor": amount.map { .number(Double($0)) } ?? .null,
            "gateway_currency": .optional(object.currency?.uppercased()),
        ]
    }

    private static func exception(
        _ envelope: Envelope, _ object: Object, reason: String, text: String?, payload: [String: JSONValue]
    ) -> NewException {
        NewException(
            source: "gateway", eventID: "stripe:\(envelope.id)", kind: .paymentDrift, reason: reason,
            occurredAt: Date(timeIntervalSince1970: Double(envelope.created)), orderNumber: orderNumber(object),
            text: text, payload: payload)
    }

    /// The shop's order number from the object's metadata, when it put one there.
    static func orderNumber(_ object: Object) -> String? {
        orderKeys.lazy.compactMap { object.metadata?[$0].map(IdentifierText.orderNumber) }.first { !$0.isEmpty }
    }
}
