import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TriageCore
@testable import TriageServer

@Suite("Shop webhooks: Shopify's documented topics", .timeLimit(.minutes(5)))
struct ShopWebhookShopifyTests {
    static let orders = "shopify/orders-updated.json"
    static let refunds = "shopify/refunds-create.json"
    static let fulfillments = "shopify/fulfillments-update.json"

    /// Posts `body` under `topic`, signed as Shopify signs it.
    static func post(_ client: any TestClientProtocol, _ body: String, topic: String?, id: String = "wh-doc-1") async throws
        -> TestResponse
    {
        try await client.execute(
            uri: "/webhooks/shopify", method: .post, headers: ShopWebhook.shopify(body, topic: topic, id: id),
            body: ByteBuffer(string: body))
    }

    @Test("the documented orders/updated example (a cancelled order) is acknowledged as no exception and stores nothing")
    func cancelledOrderIsNoException() async throws {
        let fixture = try await ServerFixture()
        let body = try ShopWebhook.fixture(Self.orders)
        try await fixture.test { client in
            let response = try await Self.post(client, body, topic: "orders/updated")
            #expect(response.status == .ok)
            #expect(response.json?["stored"]?.number == 0)
            #expect(response.json?["not_an_exception"]?.text?.contains("order #9999 is cancelled") == true)
        }
        #expect(try await ShopWebhook.stored(fixture, source: "shopify").isEmpty)
    }

    @Test("the same order left open with its payment voided is a payment-drift exception in finance's queue")
    func voidedOpenOrderIsPaymentDrift() async throws {
        let fixture = try await ServerFixture()
        let body = try ShopWebhook.fixture(
            Self.orders, replacing: #""cancelled_at": "2021-12-31T19:00:00-05:00""#, with: #""cancelled_at": null"#)
        try await fixture.test { client in
            let response = try await Self.post(client, body, topic: "orders/updated")
            #expect(response.status == .accepted)
            #expect(response.json?["stored"]?.number == 1)
        }
        let record = try #require(try await ShopWebhook.stored(fixture, source: "shopify").first)
        #expect(record.exception.kind == .paymentDrift)
        #expect(record.exception.reason == "storefront_voided")
        #expect(record.exception.orderNumber == "9999")  // Shopify's name "#9999" as Triage stores order numbers
        #expect(record.exception.eventID == "wh-doc-1")
        #expect(record.exception.payload["shopify_order_id"] == "820982911946154508")
        #expect(record.exception.payload["order_total"] == "404.95")
        #expect(ISODate.format(record.exception.occurredAt) == "2022-01-01T00:00:00Z")
        #expect(try fixture.database.card(exceptionID: record.id)?.card.team == "finance")
    }

    @Test("an open, paid order whose shipping ZIP is malformed is an address hold; a valid ZIP is no exception")
    func malformedZipIsAddressHold() async throws {
        let fixture = try await ServerFixture()
        let paid = try ShopWebhook.fixture(
            Self.orders, replacing: #""cancelled_at": "2021-12-31T19:00:00-05:00""#, with: #""cancelled_at": null"#
        ).replacingOccurrences(of: #""financial_status": "voided""#, with: #""financial_status": "paid""#)
        let malformed = paid.replacingOccurrences(of: #""zip": "40003""#, with: #""zip": "4OOO3""#)
        try await fixture.test { client in
            let fine = try await Self.post(client, paid, topic: "orders/updated", id: "wh-ok")
            #expect(fine.status == .ok)
            #expect(fine.json?["not_an_exception"]?.text?.contains("#9999 is paid") == true)
            let held = try await Self.post(client, malformed, topic: "orders/updated", id: "wh-zip")
            #expect(held.status == .accepted)
        }
        let record = try #require(try await ShopWebhook.stored(fixture, source: "shopify").only)
        #expect(record.exception.kind == .addressHold)
        #expect(record.exception.reason == "postcode_format")
        #expect(record.exception.payload["postcode"] == "4OOO3")
        #expect(record.exception.payload["country"] == "US")
        #expect(try fixture.database.card(exceptionID: record.id)?.card.team == "fulfillment")
    }

    @Test("the documented refunds/create example pays 85.00 for items worth 414.95: a refund mismatch for finance")
    func refundMismatch() async throws {
        let fixture = try await ServerFixture()
        let body = try ShopWebhook.fixture(Self.refunds)
        try await fixture.test { client in
            let mismatch = try await Self.post(client, body, topic: "refunds/create")
            #expect(mismatch.status == .accepted)
        }
        let record = try #require(try await ShopWebhook.stored(fixture, source: "shopify").only)
        #expect(record.exception.kind == .paymentDrift)
        #expect(record.exception.reason == "refund_amount_mismatch")
        #expect(record.exception.payload["items_amount"] == "414.95")
        #expect(record.exception.payload["refunded_amount"] == "85.00")
        #expect(record.exception.payload["refund_id"] == "890088186047892319")
        #expect(record.exception.text == "Things were damaged")
    }

    @Test("a refund whose transaction failed is refund_failed; one that pays what its items are worth is no exception")
    func refundFailedAndSettled() async throws {
        let fixture = try await ServerFixture()
        let documented = try ShopWebhook.fixture(Self.refunds)
        let failed = documented.replacingOccurrences(of: #""status": "success""#, with: #""status": "failure""#)
        let settled = documented.replacingOccurrences(of: #""amount": "75.00""#, with: #""amount": "404.95""#)
        try await fixture.test { client in
            let failedRefund = try await Self.post(client, failed, topic: "refunds/create", id: "wh-failed")
            #expect(failedRefund.status == .accepted)
            let fine = try await Self.post(client, settled, topic: "refunds/create", id: "wh-settled")
            #expect(fine.status == .ok)
            #expect(fine.json?["not_an_exception"]?.text?.contains("settled") == true)
        }
        let record = try #require(try await ShopWebhook.stored(fixture, source: "shopify").only)
        #expect(record.exception.reason == "refund_failed")
    }

    @Test("the documented fulfillments/update example (pending) is no exception; a failed delivery is an address hold")
    func fulfillmentUpdates() async throws {
        let fixture = try await ServerFixture()
        let pending = try ShopWebhook.fixture(Self.fulfillments)
        let failed = pending.replacingOccurrences(of: #""shipment_status": null"#, with: #""shipment_status": "failure""#)
        let errored = pending.replacingOccurrences(of: #""status": "pending""#, with: #""status": "error""#)
        try await fixture.test { client in
            let fine = try await Self.post(client, pending, topic: "fulfillments/update", id: "wh-pending")
            #expect(fine.json?["not_an_exception"]?.text == "#9999.1 is pending: nothing to do")
            let undelivered = try await Self.post(client, failed, topic: "fulfillments/update", id: "wh-failed")
            #expect(undelivered.status == .accepted)
            let serviceError = try await Self.post(client, errored, topic: "fulfillments/update", id: "wh-error")
            #expect(serviceError.status == .accepted)
        }
        let records = try await ShopWebhook.stored(fixture, source: "shopify")
        #expect(records.map(\.exception.kind) == [.addressHold, .integrationFailure])
        #expect(records.map(\.exception.reason) == ["delivery_failed", "fulfillment_error"])
        #expect(records.map(\.exception.orderNumber) == ["9999", "9999"])
        #expect(records.last?.exception.payload["connector"] == "fulfillment:UPS")
    }
}

@Suite("Shop webhooks: which postcodes hold an order")
struct ShopWebhookPostcodeTests {
    @Test("spacing and case are not a problem; a letter in a ZIP or a short postcode is", arguments: [
        ("k2p0s0", "CA", false), ("40003-1234", "US", false), ("m1 1ae", "GB", false),
        ("787O1", "US", true), ("4000", "US", true), ("K2P 0S", "CA", true),
    ])
    func postcodeProblem(zip: String, country: String, malformed: Bool) {
        #expect((ShopifyEvent.postcodeProblem(zip, country: country) != nil) == malformed, "\(zip) \(country)")
    }
}

extension Array {
    /// The single element, or nil when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}
