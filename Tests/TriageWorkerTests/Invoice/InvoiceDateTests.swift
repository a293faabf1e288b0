import Foundation
import Testing
import TriageCore

@testable import TriageWorker

/// Dates as real documents write them, and which one is the document's own.
@Suite("Invoice date")
struct InvoiceDateTests {
    /// Far from every document below, as when a case carries no received date.
    static let farAway = ISODate.parse("2030-01-01")!

    func day(_ text: String, received: Date = farAway) -> String? {
        InvoiceDate.date(text, received: received).map(ISODate.formatDay)
    }

    @Test("receipt lines from the SROIE dev cases", arguments: [
        ("18-11-18 13 : 58 SH01 ZI53  T2 R000002902", "2018-11-18"),
        ("DATE :  22/12/2017 14:03", "2017-12-22"),
        ("DATE  : 01-03-18 5:23:26 PM", "2018-03-01"),
        ("14 MAR 2018 18:40", "2018-03-14"),
        ("24-MAR-2018 03:44:22 PM", "2018-03-24"),
        ("09:13 AM, 21 MARCH, 2018", "2018-03-21"),
        ("INV NO :KSB80051978  DATE:11/03/18 21:30", "2018-03-11"),
        ("DATE: 2018-03-18  13:18:48", "2018-03-18"),
        ("DATE  : 12/13/2016 9:52:15 AM", "2016-12-13"),
    ])
    func sroieLines(_ line: String, _ expected: String) {
        #expect(day(line) == expected)
    }

    @Test("the labelled transaction date wins over an earlier line and over expiry dates")
    func labelledDate() {
        let text = "Loyalty points expire 31/10/2020\nSLIP 0020070154\nDate: 05/02/2018\nValid until 30/11/2020"
        #expect(day(text) == "2018-02-05")
    }

    @Test("a German Rechnung with a dotted date, a UK receipt day first")
    func european() {
        #expect(day("Rechnungsdatum: 12.03.2018\nLieferdatum: 10.03.2018") == "2018-03-12")
        #expect(day("Tesco Stores Ltd\n04/05/2019 18:22\nVAT No GB 220 4302 31") == "2019-05-04")
    }

    @Test("a US receipt in dollars reads an ambiguous date month first; month names either way")
    func american() {
        #expect(day("Walgreens #4411\n04/05/2019 6:02 PM\nTotal $12.99") == "2019-04-05")
        #expect(day("Order date: Mar 12, 2018") == "2018-03-12")
        #expect(day("Issued 12 March 2018") == "2018-03-12")
    }

    @Test("an ambiguous date is read near the received date when one reading is plausible")
    func nearReceived() {
        let received = ISODate.parse("2026-11-10")!
        #expect(day("Dated 11/09/2026, thank you", received: received) == "2026-11-09")
        #expect(day("Dated 09/11/2026", received: received) == "2026-11-09")
    }

    @Test("a forwarded mail's header block is not the document")
    func mailHeader() {
        let text = "Von: billing@example.org\nGesendet: 3. Januar 2027 09:12\nAn: payables@example.com\n\nRechnungsdatum 2026-12-28"
        let body = MailHeader.strip(text)
        #expect(!body.contains("billing@"))
        #expect(day(body) == "2026-12-28")
    }

    @Test("a model's date is accepted under either reading of an ambiguous date in the text")
    func readings() {
        let found = DateFinder.dates(in: "03/04/2018", near: nil)
        #expect(found.first?.readings.count == 2)
    }
}
