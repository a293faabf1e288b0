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

/// Return requests for one order, routed by the shipped rules into gated refund cards.
struct RefundWorld {
    let fixture: ServerFixture
    let reviewer: Reviewer

    init() throws {
        fixture = try ServerFixture()
        reviewer = try #require(try fixture.database.reviewer(tokenHash: Secrets.hash(fixture.alice)))
    }

    /// A return of one kettle on order #1002 (89.99 paid), with the given event id and reason.
    static func kettleReturn(_ eventID: String, reason: String) -> NewException {
        NewException(
            source: "returns_app", eventID: eventID, kind: .returnRequest, reason: reason,
            occurredAt: ServerFixture.now, orderNumber: "#1002",
            payload: ["items": .array([.object(["sku": "KET-200", "qty": .number(1)])])])
    }

    func ingest(_ exceptions: [NewException]) throws {
        _ = try RoutingService(table: fixture.table, store: fixture.database).ingest(exceptions, now: ServerFixture.now)
    }

    /// Cards of order #1002, oldest first.
    func cards() throws -> [StoredCard] {
        try fixture.database.cards(statuses: CardStatus.allCases, kind: .returnRequest, limit: 50)
            .filter { $0.card.details["order_number"]?.text == "#1002" }.sorted { $0.id < $1.id }
    }

    /// Refunded and paid cents of order #1002.
    func ledger() throws -> (refunded: Int, paid: Int) {
        try fixture.database.writer.read { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT refunded_cents, total_cents FROM orders WHERE order_number = '#1002'"))
            return (row["refunded_cents"], row["total_cents"])
        }
    }

    func outboxCount() throws -> Int {
        try fixture.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") ?? 0 }
    }

    func decide(_ request: ReviewRequest) throws -> ReviewOutcome {
        try fixture.database.decide(request, by: reviewer, planner: ReviewPlanner(), now: ServerFixture.now)
    }
}

@Suite("Refunds: nothing is paid twice", .timeLimit(.minutes(1)))
struct RefundSafetyTests {
    @Test("accepting a second gated refund of the same item does not execute: the card becomes a judgment card saying why")
    func secondAcceptIsStale() throws {
        let world = try RefundWorld()
        try world.ingest([RefundWorld.kettleReturn("rma-a", reason: "return_requested"), RefundWorld.kettleReturn("rma-b", reason: "damaged")])
        let cards = try world.cards()
        #expect(cards.count == 2)
        #expect(cards.allSatisfy { $0.card.status == .awaitingConfirmation })
        _ = try world.decide(ReviewRequest(cardID: cards[0].id, verdict: .accept))
        let messages = try world.outboxCount()
        #expect(throws: (any Error).self) { try world.decide(ReviewRequest(cardID: cards[1].id, verdict: .accept)) }
        #expect(try world.ledger().refunded == 8_999)
        #expect(try world.outboxCount() == messages)
        let stale = try #require(try world.fixture.database.card(id: cards[1].id))
        #expect(stale.card.decisionType == .judgment)
        #expect(stale.card.status == .open)
        #expect(stale.card.plan == nil)
        #expect(stale.card.summary.contains("89.99"))
    }

    @Test("the API answers a stale accept with 409 and the reason")
    func staleAcceptOverAPI() async throws {
        let world = try RefundWorld()
        try world.ingest([RefundWorld.kettleReturn("rma-a", reason: "return_requested"), RefundWorld.kettleReturn("rma-b", reason: "damaged")])
        let ids = try world.cards().map(\.id)
        try await world.fixture.test { client in
            let headers = ServerFixture.bearer(world.fixture.alice)
            let first = try await client.execute(uri: "/api/v1/cards/\(ids[0])/accept", method: .post, headers: headers)
            #expect(first.status == .ok)
            let second = try await client.execute(uri: "/api/v1/cards/\(ids[1])/accept", method: .post, headers: headers)
            #expect(second.status == .conflict)
            #expect(second.text.contains("refunded"))
        }
        #expect(try world.ledger().refunded == 8_999)
    }

    @Test("a second return of the same kind and reason for an order with an open card joins that card")
    func duplicatesJoinTheOpenCard() throws {
        let world = try RefundWorld()
        try world.ingest([RefundWorld.kettleReturn("rma-a", reason: "return_requested")])
        try world.ingest([RefundWorld.kettleReturn("rma-b", reason: "return_requested")])
        let cards = try world.cards()
        #expect(cards.count == 1)
        let context = try #require(try world.fixture.database.cardContext(id: cards[0].id, now: ServerFixture.now))
        #expect(context.linked.map(\.exception.eventID) == ["rma-b"])
        #expect(try world.fixture.database.unroutedExceptions(limit: 10).isEmpty)
    }

    @Test("for any seeded sequence of accepts and edits on one order's cards, the refunded total never exceeds the paid total",
          arguments: 0..<12)
    func refundedNeverExceedsPaid(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed &+ 0x9E37_79B9_7F4A_7C15)  // the sequence the property was found with
        let world = try RefundWorld()
        let reasons = ["return_requested", "damaged", "wrong_item", "late_delivery"]
        let count = Int.random(in: 2...4, using: &random)
        try world.ingest((0..<count).map { RefundWorld.kettleReturn("rma-\($0)", reason: reasons[$0]) })
        let paid = try world.ledger().paid
        for card in try world.cards().shuffled(using: &random) {
            let request: ReviewRequest
            if Bool.random(using: &random) {
                request = ReviewRequest(cardID: card.id, verdict: .accept)
            } else {
                let cents = Int.random(in: 1...paid, using: &random)
                request = ReviewRequest(
                    cardID: card.id, verdict: .edit, action: "refund",
                    parameters: ["amount": .string(Money(cents: Int64(cents)).description)], reason: "partial")
            }
            _ = try? world.decide(request)
            #expect(try world.ledger().refunded <= paid, "seed \(seed)")
        }
    }
}
