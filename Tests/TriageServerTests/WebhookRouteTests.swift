import Crypto
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TriageCore
@testable import TriageServer

@Suite("Webhooks: signatures, replay window, duplicates", .timeLimit(.minutes(5)))
struct WebhookRouteTests {
    static let body = ##"{"event_id":"ignored","kind":"address_hold","reason":"invalid_postcode","occurred_at":"2026-10-01T11:59:00Z","order_number":"#1001","payload":{"postcode":"787O1"}}"##

    static func shopifyHeaders(_ body: String, secret: String = ServerFixture.shopifySecret, sent: Date = ServerFixture.now, id: String = "wh-1") -> HTTPFields {
        [
            HTTPField.Name("X-Shopify-Hmac-Sha256")!: WebhookSignature(secret: secret).shopifyHeader(body: Data(body.utf8)),
            HTTPField.Name("X-Shopify-Webhook-Id")!: id,
            HTTPField.Name("X-Shopify-Triggered-At")!: ISODate.format(sent),
        ]
    }

    static func exceptions(_ fixture: ServerFixture, source: String) async throws -> [String] {
        try await fixture.database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT event_id FROM exceptions WHERE source = ? ORDER BY id", arguments: [source])
        }
    }

    @Test("a valid Shopify event sent twice is stored once and routed by the webhook router after the answer")
    func shopifyOnce() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            for expected in [(1, 0), (0, 1)] {
                let response = try await client.execute(
                    uri: "/webhooks/shopify", method: .post, headers: Self.shopifyHeaders(Self.body), body: ByteBuffer(string: Self.body))
                #expect(response.status == .accepted)
                #expect(response.json?["stored"]?.number == Double(expected.0))
                #expect(response.json?["duplicates"]?.number == Double(expected.1))
            }
        }
        #expect(try await Self.exceptions(fixture, source: "shopify") == ["wh-1"])
        #expect(try fixture.database.card(exceptionID: 2)?.card.kind == .addressHold)
    }

    @Test("an exception stored but not routed (a stop between the answer and routing) is routed on the next start")
    func routePendingOnStart() async throws {
        let fixture = try await ServerFixture()
        let exception = try WebhookRoutes.exception(Data(Self.body.utf8), source: "shopify", eventID: "wh-stranded")
        let record = try #require(try await fixture.database.routingTransaction { try $0.insert(exception, receivedAt: ServerFixture.now) })
        #expect(try fixture.database.card(exceptionID: record.id) == nil)
        #expect(try await ReviewServer.routePending(fixture.context) == 1)
        #expect(try fixture.database.card(exceptionID: record.id)?.card.kind == .addressHold)
        #expect(try await ReviewServer.routePending(fixture.context) == 0)
    }

    @Test("a bad Shopify signature is 401 and stores nothing; so is a stale event")
    func shopifyRejected() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let forged = try await client.execute(
                uri: "/webhooks/shopify", method: .post, headers: Self.shopifyHeaders(Self.body, secret: "wrong"),
                body: ByteBuffer(string: Self.body))
            #expect(forged.status == .unauthorized)
            let stale = try await client.execute(
                uri: "/webhooks/shopify", method: .post,
                headers: Self.shopifyHeaders(Self.body, sent: ServerFixture.now.addingTimeInterval(-3600)),
                body: ByteBuffer(string: Self.body))
            #expect(stale.status == .unauthorized)
            #expect(stale.text.contains("replay window"))
        }
        #expect(try await Self.exceptions(fixture, source: "shopify").isEmpty)
    }

    @Test("the returns app's timestamped signature: valid is stored, stale or tampered is 401")
    func returnsApp() async throws {
        let fixture = try await ServerFixture()
        let body = #"{"event_id":"rma-9","kind":"return_request","reason":"return_requested","occurred_at":"2026-10-01T11:00:00Z","text":"Please take back my kettle"}"#
        let signer = WebhookSignature(secret: ServerFixture.returnsSecret)
        let header = HTTPField.Name("X-Triage-Signature")!
        try await fixture.test { client in
            let stale = try await client.execute(
                uri: "/webhooks/returns", method: .post,
                headers: [header: signer.timestampedHeader(body: Data(body.utf8), time: ServerFixture.now.addingTimeInterval(-900))],
                body: ByteBuffer(string: body))
            #expect(stale.status == .unauthorized)
            let tampered = try await client.execute(
                uri: "/webhooks/returns", method: .post,
                headers: [header: signer.timestampedHeader(body: Data(body.utf8), time: ServerFixture.now)],
                body: ByteBuffer(string: body.replacingOccurrences(of: "kettle", with: "fridge")))
            #expect(tampered.status == .unauthorized)
            let valid = try await client.execute(
                uri: "/webhooks/returns", method: .post,
                headers: [header: signer.timestampedHeader(body: Data(body.utf8), time: ServerFixture.now)],
                body: ByteBuffer(string: body))
            #expect(valid.status == .accepted)
        }
        #expect(try await Self.exceptions(fixture, source: "returns_app") == ["rma-9"])
    }

    @Test("Adyen items are verified with Adyen's HMAC; one bad item refuses the delivery")
    func adyen() async throws {
        let fixture = try await ServerFixture()
        func item(_ psp: String, signed: Bool) -> String {
            var fields: [String: JSONValue] = [
                "pspReference": .string(psp), "merchantAccountCode": .string("RetailCo"), "merchantReference": .string("#1001"),
                "amount": .object(["value": .number(12998), "currency": .string("USD")]), "eventCode": .string("AUTHORISATION"),
                "success": .string("true"), "eventDate": .string(ISODate.format(ServerFixture.now)),
            ]
            let signature = AdyenTestSigner.sign(fields, key: signed ? ServerFixture.adyenKey : "00ff")
            fields["additionalData"] = .object(["hmacSignature": .string(signature)])
            return #"{"NotificationRequestItem":"# + JSONValue.object(fields).serialized + "}"
        }
        let bad = #"{"live":"false","notificationItems":["# + item("PSP1", signed: true) + "," + item("PSP2", signed: false) + "]}"
        let good = #"{"live":"false","notificationItems":["# + item("PSP1", signed: true) + "]}"
        try await fixture.test { client in
            let refused = try await client.execute(uri: "/webhooks/adyen", method: .post, body: ByteBuffer(string: bad))
            #expect(refused.status == .unauthorized)
            let accepted = try await client.execute(uri: "/webhooks/adyen", method: .post, body: ByteBuffer(string: good))
            #expect(accepted.status == .ok)
            #expect(accepted.text == "[accepted]")
        }
        #expect(try await Self.exceptions(fixture, source: "gateway") == ["adyen:PSP1:AUTHORISATION"])
    }
}

@Suite("Webhooks: malformed timestamps and replays with fresh headers", .timeLimit(.minutes(5)))
struct WebhookReplayTests {
    static let returnsHeader = HTTPField.Name("X-Triage-Signature")!

    @Test("a correctly signed t=nan or t=1e300 is a 400, the server keeps serving, and nothing is stored")
    func malformedTimestampIs400() async throws {
        let fixture = try await ServerFixture()
        let body = #"{"event_id":"rma-1","kind":"return_request","reason":"return_requested","occurred_at":"2026-10-01T11:00:00Z","text":"x"}"#
        try await fixture.test { client in
            for stamp in ["nan", "1e300"] {
                let code = HMAC<SHA256>.authenticationCode(
                    for: Data("\(stamp).\(body)".utf8), using: SymmetricKey(data: Data(ServerFixture.returnsSecret.utf8)))
                let response = try await client.execute(
                    uri: "/webhooks/returns", method: .post, headers: [Self.returnsHeader: "t=\(stamp),v1=" + Hex.string(code)],
                    body: ByteBuffer(string: body))
                #expect(response.status == .badRequest, "t=\(stamp)")
            }
        }
        #expect(try await WebhookRouteTests.exceptions(fixture, source: "returns_app").isEmpty)
    }

    @Test("a captured Shopify body resent with a new webhook id and a fresh time is acknowledged and ignored")
    func shopifyReplayWithNewHeaders() async throws {
        let fixture = try await ServerFixture()
        let body = WebhookRouteTests.body
        try await fixture.test { client in
            let first = try await client.execute(
                uri: "/webhooks/shopify", method: .post, headers: WebhookRouteTests.shopifyHeaders(body, id: "wh-1"),
                body: ByteBuffer(string: body))
            #expect(first.json?["stored"]?.number == 1)
            let replay = try await client.execute(
                uri: "/webhooks/shopify", method: .post,
                headers: WebhookRouteTests.shopifyHeaders(body, sent: ServerFixture.now.addingTimeInterval(120), id: "wh-forged"),
                body: ByteBuffer(string: body))
            #expect(replay.status == .accepted)
            #expect(replay.json?["stored"]?.number == 0)
            #expect(replay.json?["duplicates"]?.number == 1)
        }
        #expect(try await WebhookRouteTests.exceptions(fixture, source: "shopify") == ["wh-1"])
    }

    @Test("an Adyen item resent with a fresh (unsigned) eventDate is acknowledged and ignored")
    func adyenReplayWithFreshDate() async throws {
        let fixture = try await ServerFixture()
        func delivery(_ date: Date) -> String {
            var fields: [String: JSONValue] = [
                "pspReference": "PSP9", "merchantAccountCode": "RetailCo", "merchantReference": "#1001",
                "amount": .object(["value": .number(12998), "currency": "USD"]), "eventCode": "CAPTURE",
                "success": "true", "eventDate": .string(ISODate.format(date)),
            ]
            fields["additionalData"] = .object(["hmacSignature": .string(AdyenTestSigner.sign(fields, key: ServerFixture.adyenKey))])
            return #"{"live":"false","notificationItems":[{"NotificationRequestItem":"# + JSONValue.object(fields).serialized + "}]}"
        }
        // Probe 23.11: a delivery 30 days old, then the same signed item with its unsigned eventDate set to now.
        let deliveries = [ServerFixture.now.addingTimeInterval(-30 * 86_400), ServerFixture.now, ServerFixture.now.addingTimeInterval(200)].map(delivery)
        try await fixture.test { client in
            for body in deliveries {
                let response = try await client.execute(uri: "/webhooks/adyen", method: .post, body: ByteBuffer(string: body))
                #expect(response.status == .ok)
            }
        }
        #expect(try await WebhookRouteTests.exceptions(fixture, source: "gateway").count == 1)
    }

    @Test("a body over the limit is a 413, not a 500")
    func oversizedBodyIs413() async throws {
        let fixture = try await ServerFixture()
        let big = String(repeating: "x", count: 1_100_000)
        try await fixture.test { client in
            let response = try await client.execute(
                uri: "/webhooks/shopify", method: .post, headers: WebhookRouteTests.shopifyHeaders(big), body: ByteBuffer(string: big))
            #expect(response.status == .contentTooLarge)
            let api = try await client.execute(
                uri: "/api/v1/cards/\(fixture.warrantyCardID)/edit", method: .post, headers: ServerFixture.bearer(fixture.alice),
                body: ByteBuffer(string: String(repeating: " ", count: 70_000)))
            #expect(api.status == .contentTooLarge)
        }
    }
}

/// Computes Adyen's HMAC independently of the server's code path (Python's `hmac` gives the same for the same key).
enum AdyenTestSigner {
    static func sign(_ item: [String: JSONValue], key: String) -> String {
        let amount = item["amount"]?.object ?? [:]
        let text = [item["pspReference"], item["originalReference"], item["merchantAccountCode"], item["merchantReference"],
                    amount["value"], amount["currency"], item["eventCode"], item["success"]]
            .map { $0?.text ?? "" }.joined(separator: ":")
        let script = "import hmac,hashlib,base64,sys; print(base64.b64encode(hmac.new(bytes.fromhex(sys.argv[1]), sys.argv[2].encode(), hashlib.sha256).digest()).decode())"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, key, text]
        let pipe = Pipe()
        process.standardOutput = pipe
        try? process.run()
        process.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
