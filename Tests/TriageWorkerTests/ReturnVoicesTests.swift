import Foundation
import Testing
import TriageCore
@testable import TriageWorker

/// Issue 25: the customer and the goods read the way a clerk reads a message: the name under a sign-off above a job
/// title, in the e-mail address, after a title or before an honorific; goods by brand and kind, singular or plural;
/// and no order named on goods, place and amount alone.
@Suite("Returns: names and goods in other voices", .timeLimit(.minutes(5)))
struct ReturnVoicesTests {
    func suggest(_ text: String, received: String = "2026-11-02") async throws -> Suggestion {
        try await TestWorld.engine().suggest(
            for: TestWorld.record(.returnRequest, ["text": .string(text), "received_at": .string(received)]),
            task: .returnMatch)
    }

    @Test("the name under the closing, above a job title and a company line")
    func signatureWithTitleAndCompany() async throws {
        let suggestion = try await suggest(
            "Dear team,\n\nthe cast iron skillet from October is far too heavy for our cooks. We would like to send it back.\n\n"
                + "Kind regards,\n\nE. Harrington\nHead of Purchasing\nElm Bistro Ltd")
        #expect(suggestion.action == "match_order")
        #expect(suggestion.candidates.first?.id == "ord-2002")
    }

    @Test("the customer's name in the e-mail address, run together")
    func nameInTheAddress() async throws {
        let suggestion = try await suggest(
            "From: eharrington@bistro.example\nSubject: skillet\n\nThe cast iron skillet came with a crack in the base. "
                + "Sending it back, 45.00 paid.")
        #expect(suggestion.action == "match_order")
        #expect(suggestion.candidates.first?.id == "ord-2002")
    }

    @Test("goods, place and amount without the customer: the order is offered, not named")
    func nobodyNamed() async throws {
        let suggestion = try await suggest("Returning the cast iron skillet, 45.00, delivered in Cambridge.")
        #expect(suggestion.action == "no_match")
        #expect(suggestion.confidence == .low)
        #expect(suggestion.candidates.map(\.id).contains("ord-2002"))
    }

    @Test("the right customer's order holding none of the goods the message names is another purchase")
    func goodsNotOnTheOrder() {
        func scored(_ id: String, _ score: Double, identified: Bool, goodsFit: Bool) -> ScoredOrder {
            let order = Order(
                orderID: id, orderNumber: id, customer: Customer(name: "Corey Lock"), placedAt: Date(), currency: "USD",
                total: Money(cents: 100), lines: [], status: "delivered")
            return ScoredOrder(
                order: order, score: score, reasons: [], ruledOut: nil, supports: 2, identified: identified, goodsFit: goodsFit)
        }
        let theirs = scored("theirs", 0.40, identified: true, goodsFit: false)
        let sameGoods = scored("other", 0.20, identified: false, goodsFit: true)
        #expect(ReturnDecision(ranked: [theirs, sameGoods]).chosen == nil)
        #expect(ReturnDecision(ranked: [theirs], goodsNamed: true).chosen == nil)
        // A message naming no goods ("something I bought in October") leaves the name and the date to decide.
        #expect(ReturnDecision(ranked: [theirs]).chosen?.order.orderID == "theirs")
    }

    @Test("an agent's self-introduction in a chat is not the customer's name")
    func agentLinesAreSkipped() async throws {
        let suggestion = try await suggest(
            "[Agent Robert] Hi, this is Robert. May I have your name?\n[Visitor] Liz Harrington, Cambridge\n"
                + "[Visitor] the skillet is cracked, I want to return it")
        #expect(suggestion.action == "match_order")
        #expect(suggestion.candidates.first?.id == "ord-2002")
    }

    @Test("a sign-off block: the first line under the closing that is a person's name", arguments: [
        ("Thanks.\n\nSincerely,\n\nC. Soltero\nFinance Department\nNorth Valley College", "C. Soltero"),
        ("Please advise.\n\nYours faithfully,\n(Ms) M. Federle\nOffice Manager", "M. Federle"),
        ("Salamat po,\nD. Ordway\nSampaloc, Manila\n0918-000-0000", "D. Ordway"),
        ("Best regards,\n\nGeneral Affairs Team\nHanbit Logistics Co., Ltd.", nil),
    ] as [(String, String?)])
    func signature(_ text: String, _ expected: String?) {
        #expect(SignatureBlock.name(in: text) == expected)
    }

    @Test("quoted history and a forwarded original are not the newest message")
    func newestMessage() {
        let text = "Still waiting.\n\nNate Cano\n\n> Thank you for contacting us.\n> Ticket 4471\n"
        #expect(WrittenName.find(in: text) == "Nate Cano")
        let forwarded = "see below\n\n-----Original Message-----\nFrom: Purchasing\nBoss, the chairs are too big.\nHuang Li"
        #expect(!SignatureBlock.newestMessage(forwarded).contains("Huang Li"))
    }

    @Test("titles before a name and honorifics after it are no part of it")
    func titlesAndHonorifics() throws {
        let title = try #require(NameParts("Mrs. McNair"))
        #expect(title.given == ["mcnair"] && title.family == nil)
        let bracketed = try #require(NameParts("(Ms) M. Federle"))
        #expect(bracketed.given == ["m"] && bracketed.family == "federle")
        let honorific = try #require(NameParts("Williams-san"))
        #expect(honorific.given == ["williams"])
        #expect(NameParts("Don Lee")?.given == ["don"])
    }

    @Test("a name in an e-mail address: surname whole, first name or its start beside it", arguments: [
        ("ccortes.himeji@example.com", "Chris Cortes", true), ("valmitchum@example.com", "Valerie Mitchum", true),
        ("kennedy.m@example.com", "Mike Kennedy", true), ("sarahfoster@example.com", "Sarah Foster", true),
        ("jsink.hz@example.com", "Jim Sink", true), ("ccortes@example.com", "Anna Cortes", false),
        ("returns@example.com", "Chris Cortes", false),
    ])
    func emailNames(_ address: String, _ customer: String, _ fits: Bool) {
        if case .fits = NameFit.email(address, customer: customer) { #expect(fits) } else { #expect(!fits) }
    }

    @Test("goods by brand and kind, in any order, plural or with a letter off")
    func brandAndKind() {
        let catalogue = [
            Product(sku: "F", description: "Eldon Frame, Black", category: "Furniture", warrantyMonths: 12, returnWindowDays: 30),
            Product(sku: "K", description: "Logitech Numeric Keypad, Erganomic", category: "Technology", warrantyMonths: 24, returnWindowDays: 30),
            Product(sku: "M", description: "Enermax Memory Card, Bluetooth", category: "Technology", warrantyMonths: 24, returnWindowDays: 30),
        ]
        let found = GoodsFinder.mentions(
            in: "two black Eldon frames, the Logitech ergonomic keypads and 8 Enermax cards", catalogue: catalogue)
        #expect(found.map(\.skus) == [["F"], ["K"], ["M"]])
        #expect(found.last?.qty == 8)
        let card = OrderLine(sku: "OTHER", description: "Enermax Memory Card, Bluetooth", qty: 8, unitPrice: Money(cents: 100))
        #expect(found.last?.names(card) == true)
        #expect(GoodsFinder.mentions(in: "the frames are black", catalogue: catalogue).isEmpty)
    }

    @Test("a quantity marker starts no goods name: \"3 x Eaton Message Books\" are the message books")
    func quantityMarker() {
        let catalogue = [
            Product(sku: "B", description: "Eaton Message Books, Recycled", category: "Office Supplies", warrantyMonths: 3, returnWindowDays: 30),
            Product(sku: "P", description: "Eaton Computer Printout Paper, 8.5 x 11", category: "Office Supplies", warrantyMonths: 3, returnWindowDays: 30),
        ]
        let found = GoodsFinder.mentions(in: "Please take back 3 x Eaton Message Books, Recycled", catalogue: catalogue)
        #expect(found.first?.words.first == "eaton")
        #expect(found.first?.qty == 3)
        let book = OrderLine(sku: "OTHER", description: "Eaton Message Books, Recycled", qty: 3, unitPrice: Money(cents: 2049))
        #expect(found.first?.names(book) == true)
    }

    @Test("amounts given from memory: hedged, whole dollars, spelled out; never a count or a duration", arguments: [
        ("It was about fifty-four dollars.", [5400]), ("About $430 all up from memory.", [43000]),
        ("nearly 450 I think", [45000]), ("paid $64 for them", [6400]),
        ("one hundred and twenty bucks", [12000]), ("about 3 weeks ago, around 5 pcs", []),
    ] as [(String, [Int64])])
    func rememberedAmounts(_ text: String, _ cents: [Int64]) {
        #expect(ApproximateAmounts.find(in: text).map(\.cents) == cents)
    }

    @Test("a remembered amount within a few per cent of what the goods cost counts; further off it does not")
    func rememberedAmountTolerance() {
        #expect(ApproximateAmounts.near(Money(cents: 5400), Money(cents: 5406)))
        #expect(ApproximateAmounts.near(Money(cents: 43000), Money(cents: 42300)))
        #expect(!ApproximateAmounts.near(Money(cents: 43000), Money(cents: 50000)))
    }
}
