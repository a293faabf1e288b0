import Foundation
import GRDB
import HTTPTypes
import Testing
import TriageCore
@testable import TriageServer

/// The providers' documented example payloads, signed the way each provider signs them, and what they stored.
enum ShopWebhook {
    static let topic = HTTPField.Name("X-Shopify-Topic")!
    static let stripeSignature = HTTPField.Name("Stripe-Signature")!

    /// The bytes of `Fixtures/webhooks/<name>`, as text.
    static func fixture(_ name: String) throws -> String {
        let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try String(contentsOf: root.appendingPathComponent("webhooks/\(name)"), encoding: .utf8)
    }

    /// A documented fixture with one value replaced (the replaced text must occur in it).
    static func fixture(_ name: String, replacing old: String, with new: String) throws -> String {
        let body = try fixture(name)
        #expect(body.contains(old), "\(name) has no \(old)")
        return body.replacingOccurrences(of: old, with: new)
    }

    /// Shopify's headers for a body: HMAC, webhook id, trigger time and, when given, the topic.
    static func shopify(_ body: String, topic: String?, id: String = "wh-doc-1", secret: String = ServerFixture.shopifySecret)
        -> HTTPFields
    {
        var headers = WebhookRouteTests.shopifyHeaders(body, secret: secret, id: id)
        if let topic { headers[Self.topic] = topic }
        return headers
    }

    /// Stripe's header for a body signed at `time`, plus any extra `v1` values (Stripe sends several when rolling).
    static func stripe(_ body: String, time: Date = ServerFixture.now, secret: String = ServerFixture.stripeSecret, extra: [String] = [])
        -> HTTPFields
    {
        let header = WebhookSignature(secret: secret).timestampedHeader(body: Data(body.utf8), time: time)
        return [stripeSignature: ([header] + extra.map { "v1=" + $0 }).joined(separator: ",")]
    }

    /// The exceptions stored from `source`, oldest first.
    static func stored(_ fixture: ServerFixture, source: String) async throws -> [ExceptionRecord] {
        let ids = try await fixture.database.writer.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM exceptions WHERE source = ? ORDER BY id", arguments: [source])
        }
        var records: [ExceptionRecord] = []
        for id in ids { if let record = try await fixture.database.exceptionRecord(id: id) { records.append(record) } }
        return records
    }
}
