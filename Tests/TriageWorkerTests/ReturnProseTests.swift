import Foundation
import Testing
import TriageCore
@testable import TriageWorker

/// Reading return requests as people write them: names in greetings, sign-offs and notes; goods by their
/// catalogue names, cut short or with quantities; purchase months. Sentences come from the real dev suites'
/// shapes and from other styles written by hand, none from the demo generator.
@Suite("Return requests in prose")
struct ReturnProseTests {
    @Test("the writer's name, however the message introduces it", arguments: [
        ("Hi, this is S. Shariari. The chair I got wobbles.", "S. Shariari"),
        ("Good morning! Chris Cortes here. Could you take back the stapler?", "Chris Cortes"),
        ("Good morning! Elijah, Joe in Kowloon here. Could you take back 3 binders?", "Elijah, Joe"),
        ("Customer Maria Zettner called: wants to return a phone. No order no.", "Maria Zettner"),
        ("Customer brian thompson in Ube called: wants to return a trimmer.", "brian thompson"),
        ("Please process a return for 2 lamps.\n-- Valerie T. in Hyderabad", "Valerie T."),
        ("Please process a return.\n-- Melton, Charlotte in Bangkok (Bangkok)", "Melton, Charlotte"),
        ("hey, sending the table back. I paid 1046.25 for it. thx Joy", "Joy"),
        ("The kettle leaks. Kind regards,\nAnnika Lindqvist", "Annika Lindqvist"),
        ("From: Pedro Alves <pedro@alves.example>\nSubject: devolução\n\nO produto chegou partido.", "Pedro Alves"),
        ("Hello, my name is Oluwaseun Bello and the printer never worked.", "Oluwaseun Bello"),
        ("The headphones stopped pairing, I'd like to send them back. J. Przybylski", "J. Przybylski"),
        ("No receipt, no box, sorry. Can you still help? Fatima", "Fatima"),
        ("Tomasz Nowak rang this morning about the desk lamp he wants to send back.", "Tomasz Nowak"),
    ])
    func writerName(_ text: String, _ expected: String) {
        #expect(WrittenName.find(in: text) == expected)
    }

    @Test("a message that names nobody gives no name", arguments: [
        "I want to return the blender, it is too loud.", "Please refund order 1001 thanks", "returning this. thank you",
    ])
    func noName(_ text: String) {
        #expect(WrittenName.find(in: text) == nil)
    }

    @Test("names written surname first, with initials, or in lower case split into given and family")
    func nameParts() throws {
        let comma = try #require(NameParts("Melton, Charlotte"))
        #expect(comma.given == ["charlotte"] && comma.family == "melton")
        let initial = try #require(NameParts("Speros G."))
        #expect(initial.given == ["speros"] && initial.family == "g")
        #expect(!initial.blockingTokens.contains("g"))
        let lower = try #require(NameParts("denny ordway"))
        #expect(lower.family == "ordway")
    }

    @Test("a written name fits, differs from or says nothing about an order's customer")
    func nameFit() throws {
        func fit(_ written: String, _ customer: String) throws -> NameFit {
            NameFit.assess(try #require(NameParts(written)), against: customer)
        }
        #expect(try fit("Speros G.", "Speros Goranitis").weight > 0)
        #expect(try fit("C. Melton", "Charlotte Melton").weight > 0)
        #expect(try fit("Melton, Charlotte", "Charlotte Melton").weight > 0)
        #expect(try fit("Bob Smith", "Robert Smith").weight > 0)
        #expect(try fit("Speros G.", "Speros Tanaka").isFirm)
        #expect(try fit("J. Holt", "Mary Holt").isFirm)
        #expect(try fit("Anne", "Joseph Holt").isFirm)
        // A first name beside the right surname may be a nickname no table holds: a weaker fit, not a contradiction.
        let nickname = try fit("Kasia Wisniewska", "Katarzyna Wisniewska")
        let full = try fit("Katarzyna Wisniewska", "Katarzyna Wisniewska")
        #expect(nickname.weight > 0 && nickname.weight < full.weight)
    }

    @Test("goods are found by their catalogue names: whole, cut short, with quantities before or after")
    func goods() {
        let catalogue = [
            Product(sku: "A", description: "Novimex Steel Folding Chair, Set of Two", category: "Furniture", warrantyMonths: 12, returnWindowDays: 30),
            Product(sku: "B", description: "Novimex Steel Folding Chair, Adjustable", category: "Furniture", warrantyMonths: 12, returnWindowDays: 30),
            Product(sku: "C", description: "Logitech Numeric Keypad, Bluetooth", category: "Technology", warrantyMonths: 12, returnWindowDays: 30),
            Product(sku: "D", description: "Eaton Computer Printout Paper, 8.5 x 11", category: "Office Supplies", warrantyMonths: 12, returnWindowDays: 30),
        ]
        let text = "Could you take back 2 x Novimex Steel Folding Chair, Set of Two and the logitech numeric keypad (qty 3)?"
        let found = GoodsFinder.mentions(in: text, catalogue: catalogue)
        #expect(found.map(\.skus) == [["A"], ["C"]])
        #expect(found.map(\.qty) == [2, 3])
        let cut = GoodsFinder.mentions(in: "sending three Novimex Steel Folding back", catalogue: catalogue)
        #expect(cut.first?.skus == ["A", "B"])
        #expect(cut.first?.qty == 3)
        #expect(GoodsFinder.mentions(in: "my computer broke and the paper jammed", catalogue: catalogue).isEmpty)
    }

    @Test("a month named with its year, or after a purchase verb, bounds the order date firmly")
    func monthWindows() throws {
        let received = try #require(ISODate.parse("2017-11-01"))
        let named = try #require(PurchaseWindow.window(in: "ordered September 2015, arrived broken", received: received))
        #expect(named.firm)
        #expect(named.range.contains(try #require(ISODate.parse("2015-09-20"))))
        #expect(!named.range.contains(try #require(ISODate.parse("2015-10-20"))))
        let bare = try #require(PurchaseWindow.window(in: "I bought it in early Oct.", received: received))
        #expect(bare.range.contains(try #require(ISODate.parse("2017-10-05"))))
        #expect(!bare.range.contains(try #require(ISODate.parse("2017-10-25"))))
    }
}

extension NameFit {
    /// The weight of a fit, 0 otherwise.
    var weight: Double { if case .fits(let weight, _) = self { weight } else { 0 } }
    /// True for a contradiction that rules the order out.
    var isFirm: Bool { if case .differs(_, let firm) = self { firm } else { false } }
}
