import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TriageCore
@testable import TriageServer

@Suite("Shop webhooks: Shopify refusals, replays and Triage's own format", .timeLimit(.minutes(5)))
struct ShopWebhookShopifyRefusalTests {
    @Test("an unsupported topic is a 422 naming it and the supported topics, after the signature; nothing is stored")
    func unsupportedTopic() async throws {
        let fixture = try await ServerFixture()
        let body = try ShopWebhook.fixture(ShopWebhookShopifyTests.orders)
        try await fixture.test { client in
            let response = try await ShopWebhookShopifyTests.post(client, body, topic: "products/create")
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains(#"X-Shopify-Topic \"products/create\" is not supported"#))
            #expect(response.text.contains("orders/updated, refunds/create, fulfillments/update"))
            let unsigned = try await client.execute(
                uri: "/webhooks/shopify", method: .post,
                headers: ShopWebhook.shopify(body, topic: "products/create", secret: "wrong"), body: ByteBuffer(string: body))
            #expect(unsigned.status == .unauthorized)
        }
        #expect(try await ShopWebhook.stored(fixture, source: "shopify").isEmpty)
    }

    @Test("a documented payload under a bad signature is 401 and stores nothing")
    func badSignature() async throws {
        let fixture = try await ServerFixture()
        let body = try ShopWebhook.fixture(ShopWebhookShopifyTests.refunds)
        try await fixture.test { client in
            let response = try await client.execute(
                uri: "/webhooks/shopify", method: .post,
                headers: ShopWebhook.shopify(body, topic: "refunds/create", secret: "not-the-shop-secret"),
                body: ByteBuffer(string: body))
            #expect(response.status == .unauthorized)
        }
        #expect(try await ShopWebhook.stored(fixture, source: "shopify").isEmpty)
    }

    @Test("a redelivered refund (same webhook id), or its body under a new id, is acknowledged and ignored")
    func replayIgnored() async throws {
        let fixture = try await ServerFixture()
        let body = try ShopWebhook.fixture(ShopWebhookShopifyTests.refunds)
        try await fixture.test { client in
            for (id, stored) in [("wh-1", 1.0), ("wh-1", 0), ("wh-2", 0)] {
                let response = try await ShopWebhookShopifyTests.post(client, body, topic: "refunds/create", id: id)
                #expect(response.status == .accepted)
                #expect(response.json?["stored"]?.number == stored)
            }
        }
        #expect(try await ShopWebhook.stored(fixture, source: "shopify").count == 1)
    }

    @Test("a payload missing a field Shopify always sends is a 400 naming it")
    func malformedPayload() async throws {
        let fixture = try await ServerFixture()
        let body = #"{"id": 1, "order_id": 2, "refund_line_items": [{"subtotal_set": null}]}"#
        try await fixture.test { client in
            let response = try await ShopWebhookShopifyTests.post(client, body, topic: "refunds/create")
            #expect(response.status == .badRequest)
            #expect(response.text.contains("refund_line_items[0].quantity"))
        }
    }

    @Test("Triage's own record is still accepted under the triage/exception topic")
    func triageTopicKeepsOwnFormat() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let response = try await ShopWebhookShopifyTests.post(client, WebhookRouteTests.body, topic: "triage/exception")
            #expect(response.status == .accepted)
            #expect(response.json?["stored"]?.number == 1)
        }
        #expect(try await ShopWebhook.stored(fixture, source: "shopify").first?.exception.kind == .addressHold)
    }

    @Test("the refunds/create fixture signs to the HMAC Python's hmac computes for it")
    func shopifySignatureVector() throws {
        let body = try ShopWebhook.fixture(ShopWebhookShopifyTests.refunds)
        #expect(
            WebhookSignature(secret: ServerFixture.shopifySecret).shopifyHeader(body: Data(body.utf8))
                == "0w39N9ktuVvFQKOiHJIJWKRHL4GufBpBVw2fcA+oUBU=")
    }
}
