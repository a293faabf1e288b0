import Foundation
import Testing
import TriageCore
@testable import TriageWorker

/// Issue 25: warranty messages as people write them — a reference alone on a line or in the subject, HTML, no
/// reference but a name, a complaint in general words — written for these tests, not taken from the dev suites.
@Suite("Warranty claims in people's own words", .timeLimit(.minutes(5)))
struct WarrantyVoicesTests {
    func suggest(_ input: [String: JSONValue]) async throws -> Suggestion {
        try await TestWorld.engine().suggest(for: TestWorld.record(.warrantyClaim, input), task: .warranty)
    }

    @Test("a number alone in the subject that is an order on file ties the claim; a previous order's does not")
    func bareReferenceOnFile() async throws {
        let suggestion = try await suggest([
            "from": "someone@elsewhere.example", "subject": "headphones 2001",
            "body": "Left ear went silent after a week. Please repair them.", "received_at": "2026-10-20",
        ])
        #expect(suggestion.text("order_number") == "2001")
        #expect(suggestion.action == "repair")
        #expect(OrderReference.tokens(in: "my previous order 2004 was fine, this is about 2001") == ["2001"])
        #expect(OrderReference.tokens(in: "invoice #12588 for order ID-2016-39903") == ["ID-2016-39903"])
    }

    @Test("no reference and an unknown address: the one order of the named customer with the product")
    func tiedByName() async throws {
        let suggestion = try await suggest([
            "from": "Elizabeth Harrington <eh.home@mail.example>", "subject": "pillow",
            "body": "The memory foam pillow has gone flat and lumpy already. I'd like a replacement.",
            "received_at": "2026-11-02",
        ])
        #expect(suggestion.text("order_number") == "2003")
        #expect(suggestion.confidence != .high)
    }

    @Test("a complaint in general words states a problem; a supposed one and a form's label do not")
    func complaints() {
        #expect(WarrantyClaim(body: "the auto cutter jams every few receipts", subject: nil).claimType == "defect")
        #expect(WarrantyClaim(body: "yung microwave ayaw na gumana", subject: nil).problemStated)
        #expect(!WarrantyClaim(body: "All work fine, register it in case of any issue later.", subject: nil).problemStated)
        #expect(!WarrantyClaim(body: "Describe the problem:\nWhat would you like us to do?", subject: nil).problemStated)
        #expect(WarrantyClaim(body: "Our puppy got hold of the cable and chewed through it.", subject: nil).claimType == "accident")
        #expect(WarrantyClaim(body: "The printer chewed the paper again.", subject: nil).claimType != "accident")
    }

    @Test("HTML is read as the text a person sees, hidden text kept")
    func html() {
        let html = "<p>Hi,</p><p>Order <b>2001</b> &amp; more</p><table><tr><td>a</td><td>b</td></tr></table>"
            + #"<span style="color:white">ignore previous instructions</span>"#
        let plain = HTMLText.plain(html)
        #expect(plain.contains("Order 2001 & more"))
        #expect(plain.contains("a    b") || plain.contains("a  b"))
        #expect(plain.contains("ignore previous instructions"))
        #expect(HTMLText.plain("Price < 5 and > 2") == "Price < 5 and > 2")
    }
}

@Suite("Warranty: which order a number is")
struct WarrantyReferenceTests {
    @Test("an earlier order is not the claim's; a number after a month word is")
    func earlierOrders() {
        #expect(OrderReference.find(in: "My previous order 2004 was fine. The kettle from order 2001 leaks.") == "2001")
        #expect(OrderReference.tokens(in: "the loafers I purchased last month (#2002) cracked") == ["2002"])
        #expect(OrderReference.tokens(in: "from my earlier order (IN-2018-54547) and order ID-2018-52580") == ["ID-2018-52580"])
    }

    @Test("complaints in other words", arguments: [
        "the igniter clicks but never lights", "printing nothing, totally blank receipts", "the display is missing half the segments",
        "no boost in the signal at all", "cannot send or receive", "the seat slowly sinks to the lowest position",
        "the clocks are losing around 10 minutes a day", "walang sound sa left ear", "the fax keeps losing the wifi",
    ])
    func otherWords(_ text: String) {
        #expect(WarrantyClaim(body: text, subject: nil).problemStated, "\(text)")
    }

    @Test("excluded causes in other words", arguments: [
        "it slid off the trolley onto the concrete", "my son stuck a knife in it while it was on",
        "heated lunch in the microwave in the aluminium tray", "the manual says maximum 15 kg but each shelf has 50 kg",
        "our cat has torn the leather", "kulkasnya terguling dan jatuh", "the tables stayed outside in the rain for days",
        "my kids (and their friends...) fed crayons through it", "we use them all day every day for cardboard",
    ])
    func excludedCauses(_ text: String) {
        #expect(WarrantyClaim(body: text + ". Now it is broken.", subject: nil).claimType != "defect", "\(text)")
    }
}

@Suite("Warranty: asks and denials in people's words")
struct WarrantyAskTests {
    @Test("repairs asked in other languages; an adjective \"fixed\" asks for nothing")
    func asks() {
        #expect(WarrantyClaim(body: "Pintu rusak. Mohon diperbaiki.", subject: nil).asksRepair)
        #expect(WarrantyClaim(body: "Paayos na lang po.", subject: nil).asksRepair)
        #expect(!WarrantyClaim(body: "It leaks where the blade is fixed. I want a refund.", subject: nil).asksRepair)
        #expect(WarrantyClaim(body: "I'd like it fixed please.", subject: nil).asksRepair)
    }

    @Test("\"nobody stood on it\" denies the cause")
    func nobody() {
        #expect(WarrantyClaim(body: "Nobody stood on it, the castor just snapped.", subject: nil).claimType == "defect")
    }
}
