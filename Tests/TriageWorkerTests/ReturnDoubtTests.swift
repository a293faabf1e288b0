import Foundation
import Testing
import TriageCore
@testable import TriageWorker

/// Issue 25: a fact read from a message that does not fit lowers the match instead of losing the order.
@Suite("Returns: one misread fact is a doubt", .timeLimit(.minutes(5)))
struct ReturnDoubtTests {
    func suggest(_ input: [String: JSONValue]) async throws -> Suggestion {
        try await TestWorld.engine().suggest(for: TestWorld.record(.returnRequest, input), task: .returnMatch)
    }

    @Test("someone writing for the customer: the name in the signature differs, the goods, place and amount fit")
    func writerIsNotTheCustomer() async throws {
        let suggestion = try await suggest([
            "text": .string("Hello, my wife ordered the pre-seasoned cast iron skillet (10-inch) for our place in Cambridge "
                + "in October. It is too heavy for her, so we are sending it back. The 45.00 back please.\n\nThomas Wheeler"),
            "received_at": "2026-11-02",
        ])
        #expect(suggestion.action == "match_order")
        #expect(suggestion.candidates.first?.id == "ord-2002")
        #expect(suggestion.confidence == .low)
    }

    @Test("a name given as a field that differs is another person: no match")
    func fieldNameDiffers() async throws {
        let suggestion = try await suggest([
            "customer_name": "Thomas Wheeler", "items": .array([.object(["description": "Cast iron skillet, 10-inch", "qty": 1])]),
            "refund_amount": "45.00", "received_at": "2026-11-02",
        ])
        #expect(suggestion.action == "no_match")
    }
}

@Suite("Returns: the names a message gives its customer by")
struct OtherNamesTests {
    @Test("titles, someone written for, labels, introductions and the e-mail address")
    func names() {
        let text = """
            Caller: Mr Okonkwo, Lagos. Calling on behalf of Adaeze Okonkwo (his sister).
            Visitor: Femi
            it's Tunde Bakare from the shop
            """
        let names = OtherNames.find(in: text, email: "f.adeyemi@shop.example")
        #expect(names.contains("Okonkwo"))
        #expect(names.contains("Adaeze Okonkwo"))
        #expect(names.contains("Femi"))
        #expect(names.contains("Tunde Bakare"))
        #expect(names.contains("F Adeyemi"))
        #expect(OtherNames.find(in: "Visitor: hi, i need help", email: "returns@shop.example").isEmpty)
        let more = OtherNames.find(in: "[10:31] Carol: hi\nI am D. Leinenbach living in Matsubara.\nOrder was in my name, Roger Barcio.",
                                   email: nil)
        #expect(more.contains("Carol"))
        #expect(more.contains("D. Leinenbach"))
        #expect(more.contains("Roger Barcio"))
    }
}

@Suite("Returns: when and who, read with care")
struct ReturnReadingTests {
    static let received = ISODate.parse("2017-08-08")!

    @Test("the message's own date is not when the goods were bought; the arrival month allows an order before it")
    func ownDateIsNotThePurchase() throws {
        let header = "Date: Tue, 8 Aug 2017 16:20:11 +1000\nThe copiers arrived on Thursday 27 July."
        let window = PurchaseWindow.window(in: header, received: Self.received)
        #expect(window.map { !$0.range.contains(Self.received) } ?? true)
        let arrived = try #require(PurchaseWindow.window(in: "They arrived in July 2017.", received: Self.received))
        #expect(arrived.range.contains(ISODate.parse("2017-06-25")!))
    }

    @Test("a name introduced after a greeting and a comma; a sign-off word is not a name")
    func namesInGreetings() {
        #expect(WrittenName.find(in: "Kia ora team, Wiremu Tane here from Hamilton. The headset is dead.") == "Wiremu Tane")
    }
}
