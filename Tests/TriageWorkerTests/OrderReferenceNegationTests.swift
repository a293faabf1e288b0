import Foundation
import Testing
@testable import TriageWorker

/// Order references and negation as customers write them: typos, glued numbers, other documents' numbers,
/// denials. Sentences in the style of the Bitext support messages and written by hand, none from the generator.
@Suite("Order references and negation")
struct OrderReferenceNegationTests {
    @Test("a number an order word introduces is the order reference", arguments: [
        ("I need help to cancel purchase 113542617735902", "113542617735902"),
        ("I am trying to change an item of purchaes 3707955617", "3707955617"),
        ("would it be possible to locate purchase113542617735902?", "113542617735902"),
        ("where is my order no. A-2231? it's been weeks", "A-2231"),
        ("Bestellung: order number 7781200 never arrived", "7781200"),
        ("The kettle from order #1001 leaks", "#1001"),
        ("re #40417 - the strap snapped on day two", "#40417"),
    ])
    func references(_ text: String, _ expected: String) {
        #expect(OrderReference.find(in: text) == expected)
    }

    @Test("another document's number, a quantity or no number is no order reference", arguments: [
        "I don't know what I have to do to see invoice #12588",
        "i have got to look for invoicw #00108 i need help",
        "can you help me finding bill #37777?",
        "my ticket 44812 was closed without an answer",
        "tracking 1Z999AA10123456784 shows nothing",
        "I want to order #300 units of the blue ones",
        "I cannot find my order, can you help?",
    ])
    func notReferences(_ text: String) {
        #expect(OrderReference.find(in: text) == nil)
    }

    @Test("a denied phrase is not said; a clause about something else does not deny it")
    func negation() {
        let deniedRefund = TextFolding.fold("I don't want a refund, please repair it.")
        #expect(Negation.affirmed(#"\brefund"#, in: deniedRefund) == nil)
        #expect(Negation.affirmed(#"\brepair"#, in: deniedRefund) != nil)
        #expect(Negation.affirmed(#"\bdropped\b"#, in: "it was never dropped, it just stopped") == nil)
        #expect(Negation.affirmed("quit on me", in: "no idea why the fan quit on me") != nil)
        #expect(Negation.affirmed(#"\brefund"#, in: "a repair rather than a refund would be great") == nil)
        #expect(Negation.affirmed(#"\brefund"#, in: "not the colour i wanted. refund please") != nil)
    }

    @Test("a claim that refuses a refund asks for the repair")
    func claimAsk() {
        let claim = WarrantyClaim(body: "The heater has a fault. I do not want a refund, please repair it.", subject: nil)
        #expect(claim.ask == "repair")
        #expect(claim.claimType == "defect")
    }

    @Test("causes the warranty excludes, said in other words, and failures said as verbs", arguments: [
        ("I kept the speaker outside on the balcony all winter", "misuse"), ("the boots got soaked on a hike", "misuse"),
        ("plugged it into 230v abroad and it died", "misuse"), ("my son knocked it over", "accident"),
        ("the strap is worn through after a year", "wear"), ("the fan keeps dying after ten minutes", "defect"),
        ("the lining tore along the pocket", "defect"), ("It overheats when charging", "defect"),
    ])
    func causes(_ text: String, _ type: String) {
        #expect(WarrantyClaim(body: text, subject: nil).claimType == type)
    }
}
