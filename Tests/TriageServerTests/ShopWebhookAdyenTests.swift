import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TriageCore
@testable import TriageServer

@Suite("Shop webhooks: Adyen's documented notification", .timeLimit(.minutes(5)))
struct ShopWebhookAdyenTests {
    static let example = "adyen/authorisation.json"

    static func item(_ body: String) throws -> [String: JSONValue] {
        let json = try JSONParser.parse(Array(body.utf8))
        return try #require(json["notificationItems"]?.array?.first?["NotificationRequestItem"]?.object)
    }

    @Test("Adyen's published example: the signing string and the signature match Adyen's, byte for byte")
    func publishedVector() throws {
        let notification = AdyenNotification(item: try Self.item(try ShopWebhook.fixture(Self.example)))
        #expect(notification.signingString == "7914073381342284::TestMerchant:TestPayment-1407325143704:1130:EUR:AUTHORISATION:true")
        #expect(notification.signature(hexKey: ServerFixture.adyenKey) == "coqCmt/IZ4E3CzPvMY8zTjQVL5hYJUiBRg8UU+iCWo0=")
        #expect(throws: Never.self) { try notification.verify(hexKey: ServerFixture.adyenKey) }
    }

    @Test("the documented notification is accepted and stored as an authorised payment, dated by its eventDate")
    func documentedNotification() async throws {
        let fixture = try await ServerFixture()
        let body = try ShopWebhook.fixture(Self.example)
        try await fixture.test { client in
            let response = try await client.execute(uri: "/webhooks/adyen", method: .post, body: ByteBuffer(string: body))
            #expect(response.status == .ok)
            #expect(response.text == "[accepted]")
        }
        let record = try #require(try await ShopWebhook.stored(fixture, source: "gateway").only)
        #expect(record.exception.eventID == "adyen:7914073381342284:AUTHORISATION")
        #expect(record.exception.orderNumber == "TestPayment-1407325143704")
        #expect(record.exception.payload["gateway_status"] == "authorised")
        #expect(ISODate.format(record.exception.occurredAt) == "2019-05-06T15:15:34Z")
    }

    @Test("a signed item that names no order (REPORT_AVAILABLE) is accepted and stored as nothing")
    func reportIsNoException() async throws {
        let fixture = try await ServerFixture()
        var fields: [String: JSONValue] = [
            "pspReference": "settlement_detail_report_batch_1.csv", "merchantAccountCode": "TestMerchant",
            "merchantReference": "", "amount": .object(["value": 0, "currency": "EUR"]), "eventCode": "REPORT_AVAILABLE",
            "success": "true", "eventDate": "2019-05-06T17:15:34+02:00",
        ]
        fields["additionalData"] = .object(["hmacSignature": .string(AdyenTestSigner.sign(fields, key: ServerFixture.adyenKey))])
        let body = #"{"live":"false","notificationItems":[{"NotificationRequestItem":"# + JSONValue.object(fields).serialized + "}]}"
        try await fixture.test { client in
            let response = try await client.execute(uri: "/webhooks/adyen", method: .post, body: ByteBuffer(string: body))
            #expect(response.status == .ok)
            #expect(response.text == "[accepted]")
        }
        #expect(try await ShopWebhook.stored(fixture, source: "gateway").isEmpty)
    }
}
