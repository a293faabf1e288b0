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

    init() async throws {
        fixture = try await ServerFixture()
        reviewer = try #require(try await fixture.database.reviewer(tokenHash: Secrets.hash(fixture.alice)))
    }

    /// A return of one kettle on order #1002 (89.99 paid), with the given event id and reason.
    static func kettleReturn(_ eventID: String, reason: String) -> NewException {
        NewException(
            source: "returns_app", eventID: eventID, kind: .returnRequest, reason: reason,
            occurredAt: ServerFixture.now, orderNumber: "#1002",
            payload: ["items": .array([.object(["sku": "KET-200", "qty": .number(1)])])])
    }

    func ingest(_ exceptions: [NewException]) async throws {
        _ = try await RoutingService(table: fixture.table, store: fixture.database).ingest(exceptions, now: ServerFixture.now)
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

    /// Records the whole order as refunded by another channel, as a refund made in the gateway would.
    func refundElsewhere() throws {
        try fixture.database.writer.write { db in
            try db.execute(sql: "UPDATE orders SET refunded_cents = total_cents WHERE order_number = '#1002'")
        }
    }

    func outboxCount() throws -> Int {
        try fixture.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") ?? 0 }
    }

    func decide(_ request: ReviewRequest) async throws -> ReviewOutcome {
        try await fixture.database.decide(request, by: reviewer, planner: ReviewPlanner(), now: ServerFixture.now)
    }
}

@Suite("Refunds: nothing is paid twice", .timeLimit(.minutes(5)))
struct RefundSafetyTests {
    @Test("accepting a gated refund whose order was refunded since does not execute: the card becomes a judgment card saying why")
    func acceptAfterRefundIsStale() async throws {
        let world = try await RefundWorld()
        try await world.ingest([RefundWorld.kettleReturn("rma-a", reason: "return_requested")])
        let card = try #require(try world.cards().first)
        #expect(card.card.status == .awaitingConfirmation)
        try world.refundElsewhere()
        let messages = try world.outboxCount()
        await #expect(throws: (any Error).self) { try await world.decide(ReviewRequest(cardID: card.id, verdict: .accept)) }
        #expect(try world.ledger().refunded == 8_999)
        #expect(try world.outboxCount() == messages)
        let stale = try #require(try world.fixture.database.card(id: card.id))
        #expect(stale.card.decisionType == .judgment)
        #expect(stale.card.status == .open)
        #expect(stale.card.plan == nil)
        #expect(stale.card.summary.contains("89.99"))
    }

    @Test("the API answers a stale accept with 409 and the reason")
    func staleAcceptOverAPI() async throws {
        let world = try await RefundWorld()
        try await world.ingest([RefundWorld.kettleReturn("rma-a", reason: "return_requested")])
        let id = try #require(try world.cards().first?.id)
        try world.refundElsewhere()
        try await world.fixture.test { client in
            let headers = ServerFixture.bearer(world.fixture.alice)
            let response = try await client.execute(uri: "/api/v1/cards/\(id)/accept", method: .post, headers: headers)
            #expect(response.status == .conflict)
            #expect(response.text.contains("refunded"))
        }
        #expect(try world.ledger().refunded == 8_999)
    }

    @Test("a second return of the same item for an order with an open card joins that card, whatever its reason")
    func duplicatesJoinTheOpenCard() async throws {
        let world = try await RefundWorld()
        try await world.ingest([RefundWorld.kettleReturn("rma-a", reason: "return_requested")])
        try await world.ingest([RefundWorld.kettleReturn("rma-b", reason: "damaged")])
        let cards = try world.cards()
        #expect(cards.count == 1)
        let context = try #require(try await world.fixture.database.cardContext(id: cards[0].id, now: ServerFixture.now))
        #expect(context.linked.map(\.exception.eventID) == ["rma-b"])
        #expect(try await world.fixture.database.unroutedExceptions(limit: 10).isEmpty)
    }

    @Test("a return of other items of the same order keeps its own card: joining would leave them undecided")
    func otherItemsKeepTheirCard() async throws {
        let world = try await RefundWorld()
        try await world.ingest([RefundWorld.kettleReturn("rma-a", reason: "return_requested")])
        var other = RefundWorld.kettleReturn("rma-b", reason: "return_requested")
        other.payload = ["items": .array([.object(["sku": "MUG-100", "qty": .number(1)])])]
        try await world.ingest([other])
        #expect(try world.cards().count == 2)
    }

    @Test("for any seeded sequence of accepts and edits on one order's cards, the refunded total never exceeds the paid total",
          arguments: 0..<12)
    func refundedNeverExceedsPaid(seed: UInt64) async throws {
        var random = SeededGenerator(seed: seed &+ 0x9E37_79B9_7F4A_7C15)  // the sequence the property was found with
        let world = try await RefundWorld()
        let reasons = ["return_requested", "damaged", "wrong_item", "late_delivery"]
        let count = Int.random(in: 2...4, using: &random)
        let paid = try world.ledger().paid
        for index in 0..<count {
            // Each return arrives after the last was decided, so each gets its own card.
            try await world.ingest([RefundWorld.kettleReturn("rma-\(index)", reason: reasons[index])])
            guard let card = try world.cards().last(where: { $0.card.status.awaitsDecision }) else { continue }
            let request: ReviewRequest
            if Bool.random(using: &random) {
                request = ReviewRequest(cardID: card.id, verdict: .accept)
            } else {
                let cents = Int.random(in: 1...paid, using: &random)
                request = ReviewRequest(
                    cardID: card.id, verdict: .edit, action: "refund",
                    parameters: ["amount": .string(Money(cents: Int64(cents)).description)], reason: "partial")
            }
            _ = try? await world.decide(request)
            #expect(try world.ledger().refunded <= paid, "seed \(seed)")
        }
    }
}
