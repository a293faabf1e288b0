import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TriageCore
import TriageServer
import TriageStore

/// Probe 23.2–23.4: an edit is a new plan and is re-validated like one; teams decide their own cards.
@Suite("Edits cannot pay the wrong order, pay unbounded amounts or cross teams", .timeLimit(.minutes(5)))
struct EditPlanSafetyTests {
    static func post(
        _ client: any TestClientProtocol, token: String, card: Int64, _ verb: String, _ body: String
    ) async throws -> TestResponse {
        try await client.execute(
            uri: "/api/v1/cards/\(card)/\(verb)", method: .post, headers: ServerFixture.bearer(token),
            body: ByteBuffer(string: body))
    }

    static func refunded(_ world: RefundWorld, _ number: String) throws -> Int {
        try world.fixture.database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT refunded_cents FROM orders WHERE order_number = ?", arguments: [number]) ?? -1
        }
    }

    @Test("23.2: a refund edit naming another customer's order is 422 naming parameters.order_number; nothing is paid")
    func editCannotRefundAnotherOrder() async throws {
        let world = try await RefundWorld()
        try await world.ingest([RefundWorld.kettleReturn("rma-a", reason: "return_requested")])
        let card = try #require(try world.cards().first)
        try await world.fixture.test { client in
            let body = ##"{"parameters":{"order_number":"#1001","amount":"10.00","items":null}}"##
            let response = try await Self.post(client, token: world.fixture.alice, card: card.id, "edit", body)
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("parameters.order_number"))
        }
        #expect(try Self.refunded(world, "#1001") == 0)
        #expect(try world.outboxCount() == 0)
    }

    @Test("23.2: a parameter the action does not take is 422 naming it")
    func unknownParametersAreRefused() async throws {
        let world = try await RefundWorld()
        try await world.ingest([RefundWorld.kettleReturn("rma-a", reason: "return_requested")])
        let card = try #require(try world.cards().first)
        try await world.fixture.test { client in
            let body = #"{"parameters":{"amount":"10.00","refund_to":"XX00 attacker"}}"#
            let response = try await Self.post(client, token: world.fixture.alice, card: card.id, "edit", body)
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("refund_to"))
        }
        #expect(try world.outboxCount() == 0)
    }

    @Test("23.3: a refund edit on an AI warranty card is bounded by what was paid, and a payee field is refused")
    func warrantyRefundEditIsBounded() async throws {
        let world = try await RefundWorld()
        let card = world.fixture.warrantyCardID
        try await world.fixture.test { client in
            let huge = #"{"action":"refund","parameters":{"amount":"99999999.99","refund_to":"attacker IBAN"}}"#
            let refused = try await Self.post(client, token: world.fixture.alice, card: card, "edit", huge)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("refund_to"))
            let overPaid = #"{"action":"refund","parameters":{"amount":"500.00"}}"#
            let capped = try await Self.post(client, token: world.fixture.alice, card: card, "edit", overPaid)
            #expect(capped.status == .unprocessableContent)
            #expect(capped.text.contains("parameters.amount"))
        }
        #expect(try world.outboxCount() == 0)
        #expect(try Self.refunded(world, "#1001") == 0)
        let fair = try await world.decide(
            ReviewRequest(cardID: card, verdict: .edit, action: "refund", parameters: ["amount": "89.99"], reason: nil))
        #expect(fair.action == "refund")
        #expect(try Self.refunded(world, "#1001") == 8_999)
    }

    @Test("23.4: a reviewer of one team cannot lock or decide another team's card; an admin can")
    func teamsAreScoped() async throws {
        let world = try await RefundWorld()
        try await world.ingest([RefundWorld.kettleReturn("rma-a", reason: "return_requested")])
        let card = try #require(try world.cards().first)
        try await world.fixture.test { client in
            let reject = #"{"reason":"not ours"}"#
            let other = try await Self.post(client, token: world.fixture.bob, card: card.id, "reject", reject)
            #expect(other.status == .forbidden)
            #expect(other.text.contains("customer_ops"))
            let lock = try await Self.post(client, token: world.fixture.bob, card: card.id, "lock", "")
            #expect(lock.status == .forbidden)
            let admin = try await Self.post(client, token: world.fixture.admin, card: card.id, "reject", reject)
            #expect(admin.status == .ok)
        }
    }
}
