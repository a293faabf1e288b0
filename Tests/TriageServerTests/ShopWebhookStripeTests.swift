import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TriageCore
@testable import TriageServer

@Suite("Shop webhooks: Stripe events", .timeLimit(.minutes(5)))
struct ShopWebhookStripeTests {
    static let refunded = "stripe/charge-refunded.json"
    static let failed = "stripe/payment-intent-payment-failed.json"

    static func post(_ client: any TestClientProtocol, _ body: String, headers: HTTPFields? = nil) async throws -> TestResponse {
        try await client.execute(
            uri: "/webhooks/stripe", method: .post, headers: headers ?? ShopWebhook.stripe(body), body: ByteBuffer(string: body))
    }

    @Test("the documented charge.refunded event is a gateway refund exception keyed by Stripe's event id")
    func chargeRefunded() async throws {
        let fixture = try await ServerFixture()
        let body = try ShopWebhook.fixture(Self.refunded)
        try await fixture.test { client in
            let response = try await Self.post(client, body)
            #expect(response.status == .accepted)
            #expect(response.json?["stored"]?.number == 1)
        }
        let record = try #require(try await ShopWebhook.stored(fixture, source: "gateway").only)
        #expect(record.exception.eventID == "stripe:evt_3MmlLrLkdIwHu7ix0h8xQ3Zr")
        #expect(record.exception.kind == .paymentDrift)
        #expect(record.exception.reason == "gateway_refunded")
        #expect(record.exception.payload["gateway_status"] == "refunded")
        #expect(record.exception.payload["gateway_amount_minor"] == 1099)
        #expect(record.exception.payload["gateway_currency"] == "USD")
        #expect(record.exception.payload["psp_reference"] == "ch_3MmlLrLkdIwHu7ix0snN0B15")
        #expect(ISODate.format(record.exception.occurredAt) == "2023-03-17T22:03:20Z")
        #expect(try fixture.database.card(exceptionID: record.id)?.card.team == "finance")
    }

    @Test("the documented payment_intent.payment_failed (no order in its metadata) is no exception; with one it is refused")
    func paymentFailed() async throws {
        let fixture = try await ServerFixture()
        let documented = try ShopWebhook.fixture(Self.failed)
        let forOrder = try ShopWebhook.fixture(
            Self.failed, replacing: #""metadata": {}"#, with: ##""metadata": {"order_number": "#1001"}"##)
        try await fixture.test { client in
            let checkout = try await Self.post(client, documented)
            #expect(checkout.status == .ok)
            let reason = checkout.json?["not_an_exception"]?.text ?? ""
            #expect(reason.contains("pi_3MtwBwLkdIwHu7ix28a3tqPa failed before any order"))
            let refused = try await Self.post(client, forOrder)
            #expect(refused.status == .accepted)
        }
        let record = try #require(try await ShopWebhook.stored(fixture, source: "gateway").only)
        #expect(record.exception.reason == "gateway_refused")
        #expect(record.exception.orderNumber == "1001")  // "#1001" in the metadata, stored without the "#"
        #expect(record.exception.text == "Your card was declined.")
        #expect(record.exception.payload["decline_code"] == "generic_decline")
        #expect(try fixture.database.card(exceptionID: record.id)?.card.rule?.ruleID == "payment-drift-sync")
    }

    @Test("several v1 signatures: one valid one is enough; none valid, or a stale t, is 401 and stores nothing")
    func signatures() async throws {
        let fixture = try await ServerFixture()
        let body = try ShopWebhook.fixture(Self.refunded)
        let wrong = String(repeating: "0", count: 64)
        try await fixture.test { client in
            let forged = try await Self.post(client, body, headers: ShopWebhook.stripe(body, secret: "whsec_other"))
            #expect(forged.status == .unauthorized)
            let stale = try await Self.post(client, body, headers: ShopWebhook.stripe(body, time: ServerFixture.now.addingTimeInterval(-600)))
            #expect(stale.status == .unauthorized)
            #expect(stale.text.contains("replay window"))
            #expect(try await ShopWebhook.stored(fixture, source: "gateway").isEmpty)
            let rolled = try await Self.post(client, body, headers: ShopWebhook.stripe(body, extra: [wrong]))
            #expect(rolled.status == .accepted)
        }
    }

    @Test("a redelivered event (same id, fresh signature) is acknowledged and ignored")
    func replayIgnored() async throws {
        let fixture = try await ServerFixture()
        let body = try ShopWebhook.fixture(Self.refunded)
        try await fixture.test { client in
            for (offset, stored) in [(0.0, 1.0), (60, 0)] {
                let response = try await Self.post(client, body, headers: ShopWebhook.stripe(body, time: ServerFixture.now.addingTimeInterval(offset)))
                #expect(response.status == .accepted)
                #expect(response.json?["stored"]?.number == stored)
                #expect(response.json?["duplicates"]?.number == 1 - stored)
            }
        }
        #expect(try await ShopWebhook.stored(fixture, source: "gateway").count == 1)
    }

    @Test("an unsupported event type is a 422 naming it and the supported types")
    func unsupportedType() async throws {
        let fixture = try await ServerFixture()
        let body = #"{"id": "evt_1NG8Du2eZvKYlo2CUI79vXWy", "object": "event", "created": 1686089970, "type": "setup_intent.created", "data": {"object": {"id": "seti_1NG8Du2eZvKYlo2C9XMqbR0x"}}}"#
        try await fixture.test { client in
            let response = try await Self.post(client, body)
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains(#"event type \"setup_intent.created\" is not supported"#))
            #expect(response.text.contains("charge.refunded, payment_intent.payment_failed"))
        }
        #expect(try await ShopWebhook.stored(fixture, source: "gateway").isEmpty)
    }

    @Test("the charge.refunded fixture signs to the v1 Python's hmac computes for t=1790000000")
    func stripeSignatureVector() throws {
        let body = try ShopWebhook.fixture(Self.refunded)
        let header = WebhookSignature(secret: ServerFixture.stripeSecret)
            .timestampedHeader(body: Data(body.utf8), time: Date(timeIntervalSince1970: 1_790_000_000))
        #expect(header == "t=1790000000,v1=d81c5438b12a9271a1048be8ba1b96853a20fc29e789a8366c8ec3b980591a5c")
    }
}
