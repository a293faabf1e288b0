import Foundation
import HTTPTypes
import Hummingbird
import TriageCore

/// `POST /webhooks/shopify|stripe|adyen|returns`: signed events from the storefront, the gateways and the returns app.
/// A bad or missing signature, or a stale event, is a 401 and stores nothing; a repeat (the same event id, or the
/// same signed bytes under fresh unsigned headers) is acknowledged and ignored.
struct WebhookRoutes {
    let context: ReviewContext

    func register(on router: Router<TriageRequestContext>) {
        let webhooks = router.group("webhooks").add(middleware: JSONErrorMiddleware(logger: context.logger))
        webhooks.post("shopify") { request, _ in try await shopify(request) }
        webhooks.post("returns") { request, _ in try await returns(request) }
        webhooks.post("adyen") { request, _ in try await adyen(request) }
        webhooks.post("stripe") { request, _ in try await stripe(request) }
    }

    var intake: WebhookIntake { WebhookIntake(context: context) }

    /// Shopify: base64 HMAC of the raw body; event id and time from the `X-Shopify-*` headers; the body read as
    /// `X-Shopify-Topic` says (see `shopifyOutcome`).
    private func shopify(_ request: Request) async throws -> Response {
        guard let secret = context.settings.shopifySecret else { throw Self.notConfigured("shopify") }
        let body = try await request.bodyData()
        try WebhookSignature(secret: secret).verifyShopify(body: body, header: request.header("X-Shopify-Hmac-Sha256"))
        guard let sent = request.header("X-Shopify-Triggered-At").flatMap(ISODate.parse) else {
            throw HTTPFailure(.unauthorized, "X-Shopify-Triggered-At is missing or not an ISO 8601 date")
        }
        let age = context.now().timeIntervalSince(sent)
        guard abs(age) <= context.settings.replayWindow else { throw WebhookRejection.stale(ageSeconds: Int(age)) }
        guard let eventID = request.header("X-Shopify-Webhook-Id"), !eventID.isEmpty else {
            throw HTTPFailure(.badRequest, "X-Shopify-Webhook-Id is required")
        }
        let outcome = try shopifyOutcome(body, topic: request.header("X-Shopify-Topic"), eventID: eventID)
        return try await answer(outcome, digest: WebhookIntake.digest(body))
    }

    /// The returns app: `X-Triage-Signature: t=UNIX,v1=hex(HMAC("t.body"))`; the body is one exception.
    private func returns(_ request: Request) async throws -> Response {
        guard let secret = context.settings.returnsSecret else { throw Self.notConfigured("returns") }
        let body = try await request.bodyData()
        try WebhookSignature(secret: secret).verifyTimestamped(
            body: body, header: request.header("X-Triage-Signature"), now: context.now(),
            window: context.settings.replayWindow)
        let exception = try Self.exception(body, source: "returns_app", eventID: nil)
        let event = WebhookIntake.Event(exception: exception, digest: WebhookIntake.digest(body))
        return try Responses.json(try await intake.accept([event]), status: .accepted)
    }

    /// Adyen-style: every notification item carries its own HMAC; one bad item refuses the whole delivery.
    private func adyen(_ request: Request) async throws -> Response {
        guard let key = context.settings.adyenHMACKey else { throw Self.notConfigured("adyen") }
        let body = try await request.bodyData()
        guard let items = try Self.json(body)["notificationItems"]?.array else {
            throw HTTPFailure(.badRequest, "notificationItems is missing")
        }
        let notifications = try items.map { item in
            guard let fields = item["NotificationRequestItem"]?.object else {
                throw HTTPFailure(.badRequest, "notificationItems[] needs NotificationRequestItem")
            }
            return AdyenNotification(item: fields)
        }
        // Adyen signs no timestamp: the replay guard is the signed replay key, remembered for good, not a window
        // over the unsigned eventDate (which a replayer sets to now).
        for notification in notifications { try notification.verify(hexKey: key) }
        var events: [WebhookIntake.Event] = []
        for notification in notifications {
            do {
                guard let exception = try notification.exception(now: context.now()) else { continue }
                let digest = WebhookIntake.digest(Data(notification.replayKey.utf8))
                events.append(WebhookIntake.Event(exception: exception, digest: digest))
            } catch { throw HTTPFailure(.badRequest, Self.message(error)) }
        }
        _ = try await intake.accept(events)
        return Responses.raw(Data("[accepted]".utf8), type: "text/plain")
    }

    /// Parses a body in the exception-log format; the source (and event id, when given) come from the route.
    static func exception(_ body: Data, source: String, eventID: String?) throws -> NewException {
        guard var object = try json(body).object else {
            throw HTTPFailure(.badRequest, "the body is not a JSON object")
        }
        object["source"] = .string(source)
        if let eventID { object["event_id"] = .string(eventID) }
        do { return try ExceptionParser.parse(object: object) } catch { throw HTTPFailure(.badRequest, message(error)) }
    }

    /// The parsed body; a body that is not JSON is a 400 that says where it stops being JSON.
    private static func json(_ body: Data) throws -> JSONValue {
        do {
            return try JSONParser.parse(body)
        } catch {
            throw HTTPFailure(.badRequest, "the body is not JSON: \(error)")
        }
    }

    static func message(_ error: FieldError) -> String {
        "field \(error.field ?? "(body)"): \(error.message)"
    }

    static func notConfigured(_ name: String) -> HTTPFailure {
        HTTPFailure(.serviceUnavailable, "the \(name) webhook has no secret configured")
    }
}
