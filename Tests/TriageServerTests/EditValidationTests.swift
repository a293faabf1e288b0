import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TriageCore
import TriageServer
import TriageStore

@Suite("Edits are validated like the rule's own action", .timeLimit(.minutes(5)))
struct EditValidationTests {
    static func edit(_ client: any TestClientProtocol, _ world: RefundWorld, card: Int64, _ body: String) async throws -> TestResponse {
        try await client.execute(
            uri: "/api/v1/cards/\(card)/edit", method: .post, headers: ServerFixture.bearer(world.fixture.alice),
            body: ByteBuffer(string: body))
    }

    @Test("an action the card's kind does not allow is 422 naming the field, and nothing reaches the outbox")
    func foreignActionIsRefused() async throws {
        let world = try await RefundWorld()
        try await world.ingest([RefundWorld.kettleReturn("rma-a", reason: "return_requested")])
        let card = try #require(try world.cards().first)
        try await world.fixture.test { client in
            let wire = try await Self.edit(client, world, card: card.id, #"{"action":"wire_money","parameters":{"iban":"XX00"}}"#)
            #expect(wire.status == .unprocessableContent)
            #expect(wire.text.contains("action"))
        }
        #expect(try world.outboxCount() == 0)
    }

    @Test("a refund amount that is not a positive decimal is 422 naming parameters.amount")
    func badRefundAmountIsRefused() async throws {
        let world = try await RefundWorld()
        try await world.ingest([RefundWorld.kettleReturn("rma-a", reason: "return_requested")])
        let card = try #require(try world.cards().first)
        try await world.fixture.test { client in
            for amount in [#""-5.00""#, #""lots""#, #""0""#, #""1e9""#] {
                let response = try await Self.edit(client, world, card: card.id, #"{"action":"refund","parameters":{"amount":\#(amount)}}"#)
                #expect(response.status == .unprocessableContent, "\(amount)")
                #expect(response.text.contains("parameters.amount"), "\(amount)")
            }
        }
        #expect(try world.outboxCount() == 0)
        #expect(try world.ledger().refunded == 0)
    }

    @Test("a valid partial refund edit records the refund against the order")
    func partialRefundIsRecorded() async throws {
        let world = try await RefundWorld()
        try await world.ingest([RefundWorld.kettleReturn("rma-a", reason: "return_requested")])
        let card = try #require(try world.cards().first)
        let outcome = try await world.decide(
            ReviewRequest(cardID: card.id, verdict: .edit, action: "refund", parameters: ["amount": "40.00"], reason: "partial"))
        #expect(outcome.action == "refund")
        #expect(try world.ledger().refunded == 4_000)
    }
}
