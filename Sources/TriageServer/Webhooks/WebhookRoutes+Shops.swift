import Foundation
import Hummingbird
import TriageCore

/// The shops' own payloads: Shopify topics and Stripe events mapped to exceptions, or acknowledged as none.
extension WebhookRoutes {
    /// Stripe: `Stripe-Signature: t=UNIX,v1=hex(HMAC-SHA256(secret, "t.body"))`, any of several `v1`, within the
    /// replay window; the event id (`evt_…`) makes a redelivery a duplicate.
    func stripe(_ request: Request) async throws -> Response {
        guard let secret = context.settings.stripeSecret else { throw Self.notConfigured("stripe") }
        let body = try await request.bodyData()
        try WebhookSignature(secret: secret).verifyTimestamped(
            body: body, header: request.header("Stripe-Signature"), now: context.now(),
            window: context.settings.replayWindow)
        return try await answer(try Self.mapped { try StripeEvent.outcome(body) }, digest: WebhookIntake.digest(body))
    }

    /// The Shopify body as the topic says: Triage's own record without a topic (or with ``ShopifyEvent/triageTopic``),
    /// else Shopify's resource for one of ``ShopifyEvent/topics``.
    func shopifyOutcome(_ body: Data, topic: String?, eventID: String) throws -> ShopEventOutcome {
        guard let topic, !ShopifyEvent.isTriageRecord(topic: topic) else {
            return .exception(try Self.exception(body, source: "shopify", eventID: eventID))
        }
        let event = ShopifyEvent(topic: topic, webhookID: eventID, body: body, now: context.now())
        return try Self.mapped { try event.outcome() }
    }

    /// 202 with the receipt for an exception; 200 saying why for an event that is none.
    func answer(_ outcome: ShopEventOutcome, digest: String) async throws -> Response {
        switch outcome {
        case .exception(let exception):
            let receipt = try await intake.accept([WebhookIntake.Event(exception: exception, digest: digest)])
            return try Responses.json(receipt, status: .accepted)
        case .notAnException(let reason):
            return try Responses.json(NotAnExceptionReceipt(notAnException: reason))
        }
    }

    /// Runs a mapping: an unsupported topic or type is a 422 naming it, a malformed payload a 400 naming the field.
    static func mapped(_ map: () throws -> ShopEventOutcome) throws -> ShopEventOutcome {
        do {
            return try map()
        } catch let unsupported as UnsupportedEvent {
            throw HTTPFailure(.unprocessableContent, unsupported.message)
        } catch let field as FieldError {
            throw HTTPFailure(.badRequest, message(field))
        }
    }
}
