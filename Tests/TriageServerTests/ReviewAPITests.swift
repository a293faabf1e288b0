import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TriageCore
import TriageRules
import TriageServer
import TriageStore

@Suite("Review API on a real store", .timeLimit(.minutes(5)))
struct ReviewAPITests {
    @Test("every card route needs a token: 401 without one, 401 with a wrong one")
    func unauthenticated() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            for (uri, method) in [("/api/v1/cards", HTTPRequest.Method.get), ("/api/v1/cards/1", .get),
                                  ("/api/v1/cards/1/accept", .post), ("/api/v1/escalations", .get), ("/api/v1/me", .get)] {
                let response = try await client.execute(uri: uri, method: method)
                #expect(response.status == .unauthorized, "\(uri)")
            }
            let wrong = try await client.execute(uri: "/api/v1/cards", method: .get, headers: ServerFixture.bearer("nope"))
            #expect(wrong.status == .unauthorized)
        }
    }

    @Test("the queue lists the open AI card with counts; a bad filter is a 400 naming it")
    func queue() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let response = try await client.execute(
                uri: "/api/v1/cards?kind=warranty_claim", method: .get, headers: ServerFixture.bearer(fixture.alice))
            #expect(response.status == .ok)
            let cards = response.json?["cards"]?.array ?? []
            #expect(cards.count == 1)
            #expect(cards.first?["card"]?["id"]?.number == Double(fixture.warrantyCardID))
            #expect(response.json?["openCounts"]?["warranty_claim"]?.number == 1)
            let bad = try await client.execute(
                uri: "/api/v1/cards?confidence=sure", method: .get, headers: ServerFixture.bearer(fixture.alice))
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("confidence"))
        }
    }

    @Test("a card returns the consolidated view; locking it with POST …/lock means another reviewer sees who holds it and gets 409 on deciding")
    func lockConflict() async throws {
        let fixture = try await ServerFixture()
        let id = fixture.warrantyCardID
        try await fixture.test { client in
            let open = try await client.execute(uri: "/api/v1/cards/\(id)", method: .get, headers: ServerFixture.bearer(fixture.alice))
            #expect(open.status == .ok)
            #expect(open.json?["context"]?["order"]?["order_number"]?.text == "#1001")
            let locked = try await client.execute(uri: "/api/v1/cards/\(id)/lock", method: .post, headers: ServerFixture.bearer(fixture.alice))
            #expect(locked.status == .ok)
            let bobViews = try await client.execute(uri: "/api/v1/cards/\(id)", method: .get, headers: ServerFixture.bearer(fixture.bob))
            #expect(bobViews.status == .ok)
            #expect(bobViews.json?["context"]?["lockedBy"]?.text == "alice")
            // An admin may decide any team's card, but not one another reviewer holds.
            let other = try await client.execute(uri: "/api/v1/cards/\(id)/accept", method: .post, headers: ServerFixture.bearer(fixture.admin))
            #expect(other.status == .conflict)
            #expect(other.text.contains("alice"))
            let lock = try await client.execute(uri: "/api/v1/cards/\(id)/lock", method: .post, headers: ServerFixture.bearer(fixture.admin))
            #expect(lock.status == .conflict)
        }
        #expect(try fixture.database.counts()["decisions"] == 0)
    }

    @Test("accept writes the decision and the outbox message once; a second accept is 409")
    func acceptOnce() async throws {
        let fixture = try await ServerFixture()
        let id = fixture.warrantyCardID
        try await fixture.test { client in
            _ = try await client.execute(uri: "/api/v1/cards/\(id)/lock", method: .post, headers: ServerFixture.bearer(fixture.alice))
            let accept = try await client.execute(uri: "/api/v1/cards/\(id)/accept", method: .post, headers: ServerFixture.bearer(fixture.alice))
            #expect(accept.status == .ok)
            #expect(accept.json?["action"]?.text == "replace")
            #expect(accept.json?["outboxMessages"]?.number == 1)
            let again = try await client.execute(uri: "/api/v1/cards/\(id)/accept", method: .post, headers: ServerFixture.bearer(fixture.alice))
            #expect(again.status == .conflict)
        }
        let context = try #require(try await fixture.database.cardContext(id: id, now: ServerFixture.now))
        #expect(context.card.card.status == .resolved)
        #expect(context.decisions.map(\.actor) == ["alice"])
        #expect(context.decisions.first?.suggestedAction == "replace")
        #expect(context.decisions.first?.secondsToDecide != nil)
        let outbox = try await fixture.database.writer.read { db in try String.fetchAll(db, sql: "SELECT message_type FROM outbox") }
        #expect(outbox == ["warranty.replace"])
    }

    @Test("edit records the changed fields; an action outside the task's set is 422; reject needs a reason")
    func editAndReject() async throws {
        let fixture = try await ServerFixture()
        let id = fixture.warrantyCardID
        try await fixture.test { client in
            let headers = ServerFixture.bearer(fixture.alice)
            let outside = try await client.execute(
                uri: "/api/v1/cards/\(id)/edit", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"action":"refund_everything"}"#))
            #expect(outside.status == .unprocessableContent)
            let noReason = try await client.execute(uri: "/api/v1/cards/\(id)/reject", method: .post, headers: headers)
            #expect(noReason.status == .unprocessableContent)
            let edit = try await client.execute(
                uri: "/api/v1/cards/\(id)/edit", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"action":"repair","parameters":{"sku":"KET-200","note":"send to depot"},"reason":"repairable"}"#))
            #expect(edit.status == .ok)
            #expect(edit.json?["editedFields"]?.array?.compactMap(\.text) == ["action", "parameters.note"])
        }
        let decision = try #require(try await fixture.database.cardContext(id: id, now: ServerFixture.now)?.decisions.first)
        #expect(decision.action == "repair")
        #expect(decision.reason == "repairable")
    }

    @Test("a missing card is 404; a malformed body is 400")
    func notFoundAndBadBody() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let headers = ServerFixture.bearer(fixture.alice)
            #expect(try await client.execute(uri: "/api/v1/cards/9999", method: .get, headers: headers).status == .notFound)
            #expect(try await client.execute(uri: "/api/v1/cards/9999/accept", method: .post, headers: headers).status == .notFound)
            let bad = try await client.execute(
                uri: "/api/v1/cards/\(fixture.warrantyCardID)/edit", method: .post, headers: headers, body: ByteBuffer(string: "{nope"))
            #expect(bad.status == .badRequest)
        }
    }

    @Test("reviewers cannot add users (403); admins can (201, token shown once and usable)")
    func users() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let body = ByteBuffer(string: #"{"name":"carol","role":"admin"}"#)
            let reviewer = try await client.execute(uri: "/api/v1/users", method: .post, headers: ServerFixture.bearer(fixture.alice), body: body)
            #expect(reviewer.status == .forbidden)
            let admin = try await client.execute(uri: "/api/v1/users", method: .post, headers: ServerFixture.bearer(fixture.admin), body: body)
            #expect(admin.status == .created)
            let token = try #require(admin.json?["token"]?.text)
            let me = try await client.execute(uri: "/api/v1/me", method: .get, headers: ServerFixture.bearer(token))
            #expect(me.json?["name"]?.text == "carol")
        }
        let stored = try await fixture.database.writer.read { db in try String.fetchAll(db, sql: "SELECT token_hash FROM users") }
        #expect(stored.allSatisfy { $0.count == 64 })
    }

    @Test("the OpenAPI document is served and describes every API route")
    func openAPI() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let response = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            #expect(response.status == .ok)
            let paths = response.json?["paths"]?.object?.keys.sorted() ?? []
            for path in ["/api/v1/cards", "/api/v1/cards/{id}", "/api/v1/cards/{id}/accept", "/api/v1/cards/{id}/edit",
                         "/api/v1/cards/{id}/reject", "/api/v1/cards/{id}/lock", "/api/v1/escalations", "/api/v1/users",
                         "/api/v1/me", "/webhooks/shopify", "/webhooks/adyen", "/webhooks/returns"] {
                #expect(paths.contains(path), "\(path)")
            }
        }
    }

    @Test("escalations group open escalated cards by source and error")
    func escalations() async throws {
        let fixture = try await ServerFixture()
        let failures = (1...3).map { index in
            NewException(
                source: "wms_connector", eventID: "err-\(index)", kind: .integrationFailure, reason: "timeout",
                occurredAt: ServerFixture.now.addingTimeInterval(Double(index)))
        }
        _ = try await RoutingService(table: fixture.table, store: fixture.database).ingest(failures, now: ServerFixture.now)
        try await fixture.test { client in
            let response = try await client.execute(uri: "/api/v1/escalations", method: .get, headers: ServerFixture.bearer(fixture.bob))
            #expect(response.status == .ok)
            let group = response.json?.array?.first
            #expect(group?["source"]?.text == "wms_connector")
            #expect(group?["count"]?.number == 3)
        }
    }
}
