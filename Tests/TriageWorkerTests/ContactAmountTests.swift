import Foundation
import Testing
import TriageCore
@testable import TriageWorker

/// E-mails, phones and amounts as people write them in messages and on receipts (hand-written, other styles).
@Suite("Contacts and amounts in prose")
struct ContactAmountTests {
    @Test("an e-mail address inside a header, brackets or a sentence")
    func emails() {
        #expect(ContactFinder.email(in: "From: Pedro Alves <Pedro.Alves+returns@mail.co.uk>") == "pedro.alves+returns@mail.co.uk")
        #expect(ContactFinder.email(in: "reply to me at k.nowak@firma.pl please") == "k.nowak@firma.pl")
        #expect(ContactFinder.email(in: "no address here, just @home") == nil)
    }

    @Test("a phone number a cue or a plus introduces; order numbers and amounts are none", arguments: [
        ("Tel: +44 (0)20 7946 0958", "4402079460958"), ("call me on 0412 345 678 after five", "0412345678"),
        ("mobile 312-555-0190", "3125550190"), ("WhatsApp +65 9123 4567", "6591234567"),
    ])
    func phones(_ text: String, _ digits: String) {
        #expect(ContactFinder.phoneDigits(in: text) == digits)
    }

    @Test("numbers that are not phones", arguments: [
        "order 113542617735902 never came", "I paid 1,046.25 for it", "Invoice 2026-0415 dated 06/11/2026",
    ])
    func notPhones(_ text: String) {
        #expect(ContactFinder.phoneDigits(in: text) == nil)
    }

    @Test("amounts with thousands separators, decimal commas and currency signs")
    func amounts() {
        #expect(AmountFinder.decimalAmounts(in: "I paid 1,046.25 for it") == [Money(cents: 104_625)])
        #expect(AmountFinder.decimalAmounts(in: "Gesamt 1.234,50 € inkl. MwSt") == [Money(cents: 123_450)])
        #expect(AmountFinder.decimalAmounts(in: "refund of $48.48 please, not 3 items") == [Money(cents: 4_848)])
        #expect(AmountFinder.decimalAmounts(in: "2 x Paper, 8.5 x 11").isEmpty)
    }
}
