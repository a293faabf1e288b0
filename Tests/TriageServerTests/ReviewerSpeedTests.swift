import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TriageCore
import TriageRules
@testable import TriageServer
import TriageStore

/// Issue 15: bulk accept of gated rule plans, keyset paging, one card per order and cause, evidence in place.
@Suite("Reviewer speed")
struct ReviewerSpeedTests {
    /// Gated refund cards on the fixture's orders, one per order.
    static func gatedReturns(_ world: RefundWorld, orders: [String]) async throws -> [Int64] {
        let exceptions = orders.enumerated().map { index, number in
            NewException(
                source: "returns_app", eventID: "bulk-\(index)", kind: .returnRequest, reason: "return_requested",
                occurredAt: ServerFixture.now, orderNumber: number,
                payload: ["items": .array([.object(["sku": "KET-200", "qty": .number(1)])])])
        }
        try await world.ingest(exceptions)
        return try world.fixture.database.cards(statuses: [.awaitingConfirmation], kind: .returnRequest, limit: 50).map(\.id)
    }

    @Test("bulk accept executes each gated plan in its own transaction, turns a stale one into a judgment card, never accepts an AI suggestion, and logs the batch")
    func bulkAccept() async throws {
        let world = try await RefundWorld()
        let gated = try await Self.gatedReturns(world, orders: ["#1002"])
        #expect(gated.count == 1)
        let ai = world.fixture.warrantyCardID
        try await world.fixture.test { client in
            let headers = ServerFixture.bearer(world.fixture.alice)
            let body = ByteBuffer(string: #"{"cardIDs": [\#(gated[0]), \#(ai), 999999]}"#)
            let response = try await client.execute(uri: "/api/v1/cards/bulk-accept", method: .post, headers: headers, body: body)
            #expect(response.status == .ok)
            let result = try JSONCoding.decoder().decode(BulkAcceptResult.self, from: Data(response.text.utf8))
            #expect(result.accepted.map(\.cardID) == gated)
            #expect(result.skipped.map(\.cardID).sorted() == [ai, 999999])
            #expect(result.skipped.first { $0.cardID == ai }?.reason.contains("AI suggestion") == true)
            let decisions = try await world.fixture.database.writer.read { db in
                try String.fetchAll(db, sql: "SELECT batch_id FROM decisions WHERE card_id = ?", arguments: [gated[0]])
            }
            #expect(decisions == [result.batchID])
        }
        #expect(try world.fixture.database.card(id: ai)?.card.status == .open)
    }

    @Test("a gated plan that went stale is turned into a judgment card by the bulk accept, with the reason")
    func bulkAcceptStale() async throws {
        let world = try await RefundWorld()
        let gated = try await Self.gatedReturns(world, orders: ["#1002"])
        try world.refundElsewhere()
        let reviewer = try #require(try await world.fixture.database.reviewer(tokenHash: Secrets.hash(world.fixture.alice)))
        let result = try await world.fixture.context.bulkAccept(gated, by: reviewer)
        #expect(result.accepted.isEmpty)
        #expect(result.turnedToJudgment.map(\.cardID) == gated)
        #expect(result.turnedToJudgment.first?.reason.contains("refunded") == true)
        #expect(try world.fixture.database.card(id: gated[0])?.card.decisionType == .judgment)
    }

    @Test("keyset paging walks the whole queue once, in order, with no card twice")
    func paging() async throws {
        let world = try await RefundWorld()
        let fixture = world.fixture
        _ = try await Self.gatedReturns(world, orders: ["#1001", "#1002", "#1003", "#1004"])
        let all = try await fixture.database.reviewQueue(QueueFilter(preferTeam: "customer_ops", limit: 500), now: ServerFixture.now)
        #expect(all.count >= 3)
        var seen: [Int64] = []
        var filter = QueueFilter(preferTeam: "customer_ops", limit: 2)
        while true {
            let page = try await fixture.database.reviewQueue(filter, now: ServerFixture.now)
            seen += page.map(\.card.id)
            guard page.count == filter.limit, let last = page.last else { break }
            filter.after = QueueCursor(after: last.card, preferTeam: "customer_ops")
            #expect(QueueCursor(token: filter.after!.token) == filter.after)
        }
        #expect(seen == all.map(\.card.id))
        #expect(QueueCursor(token: "1_2_x_4") == nil)
    }

    @Test("the API gives the next page's cursor and refuses a bad one with 400")
    func pagingOverAPI() async throws {
        let world = try await RefundWorld()
        let fixture = world.fixture
        _ = try await Self.gatedReturns(world, orders: ["#1001", "#1002"])
        try await fixture.test { client in
            let headers = ServerFixture.bearer(fixture.alice)
            let first = try await client.execute(uri: "/api/v1/cards?limit=1", method: .get, headers: headers)
            let next = try #require(first.json?.object?["next"]?.text)
            let second = try await client.execute(uri: "/api/v1/cards?limit=1&after=\(next)", method: .get, headers: headers)
            let ids = [first, second].compactMap { $0.json?.object?["cards"]?.array?.first?.object?["card"]?.object?["id"]?.text }
            #expect(ids.count == 2 && ids[0] != ids[1])
            let bad = try await client.execute(uri: "/api/v1/cards?after=nonsense", method: .get, headers: headers)
            #expect(bad.status == .badRequest)
        }
    }

    @Test("the card page marks the evidence in the source text, linked to its field, and stays escaped")
    func evidenceInPlace() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let cookie = try await ReviewPageTests.signIn(client, token: fixture.alice)
            let page = try await client.execute(uri: "/cards/\(fixture.warrantyCardID)", method: .get, headers: [.cookie: cookie]).text
            #expect(page.contains(##"<mark data-field="order_number"><a href="#field-order_number" title="supports order_number">#1001</a></mark>"##))
            #expect(page.contains(##"<tr id="field-order_number">"##))
            #expect(page.contains(##"<li id="evidence-1">"##))
            #expect(page.contains("&lt;script&gt;"))
            #expect(!page.contains("<script>alert"))
        }
    }
}

/// Form bodies are client input: any bytes parse without trapping.
@Suite("Form bodies")
struct FormBodyTests {
    @Test("fields keep order and repeats, decode + and %XX, and survive JSON, broken escapes and bare names")
    func anyBytes() {
        let fields = FormBody.fields(Data("card=1&card=2&q=a+b%26c&csrf=x%zz&flag".utf8))
        #expect(fields.map(\.name) == ["card", "card", "q", "csrf", "flag"])
        #expect(fields.map(\.value) == ["1", "2", "a b&c", "x%zz", ""])
        #expect(FormBody.fields(Data(#"{"cardIDs": [1, 2]}"#.utf8)).count == 1)
        #expect(FormBody.fields(Data()).isEmpty)
    }
}

/// A stored suggestion that cannot be read is an error naming the card, never a card without a suggestion.
@Suite("Unreadable suggestions")
struct UnreadableSuggestionTests {
    @Test("accepting a card whose stored suggestion is damaged decides nothing and answers 500 with no internals")
    func damagedSuggestion() async throws {
        let fixture = try await ServerFixture()
        let id = fixture.warrantyCardID
        try await fixture.database.writer.write { db in
            try db.execute(sql: #"UPDATE cards SET suggestion = '{"task": 5}' WHERE id = ?"#, arguments: [id])
        }
        let card = try #require(try fixture.database.card(id: id))
        #expect(throws: ReviewError.self) { try ReviewPlanner.suggestion(of: card) }
        try await fixture.test { client in
            let response = try await client.execute(
                uri: "/api/v1/cards/\(id)/accept", method: .post, headers: ServerFixture.bearer(fixture.alice))
            #expect(response.status == .internalServerError)
            #expect(!response.text.contains("task"))
        }
        #expect(try fixture.database.card(id: id)?.card.status == .open)
    }
}
