import Foundation
import Testing
@testable import TriageWorker

/// Purchase-time phrases and defect cues as people write them, not as the demo generator prints them.
@Suite("People's wording")
struct PeopleWordingTests {
    let received = Date(timeIntervalSince1970: 1_795_000_000)

    @Test("relative purchase times in several wordings give a window before the request", arguments: [
        "Bought it a couple weeks back, it's already falling apart",
        "i got this 2 weeks ago from your site",
        "Ordered it two weeks ago.",
        "picked it up a few days back",
        "got it about a fortnight ago",
    ])
    func relativeTimes(_ sentence: String) throws {
        let window = try #require(PurchaseWindow.window(in: sentence, received: received))
        #expect(window.range.upperBound <= received)
        #expect(window.range.lowerBound >= received.addingTimeInterval(-60 * 86_400))
    }

    @Test("a sentence with no purchase time gives no window")
    func noTime() {
        #expect(PurchaseWindow.window(in: "The handle snapped off, please advise.", received: received) == nil)
        #expect(PurchaseWindow.window(in: "You may have sent the wrong size, or the market stall did.", received: received) == nil)
    }

    @Test("electrical faults in other words are defects", arguments: [
        "Every time I plug it in it tripped the fuse", "it keeps tripping the circuit", "it blew a fuse on day one",
    ])
    func electricalFaults(_ sentence: String) {
        let folded = sentence.lowercased()
        #expect(WarrantyClaim.defects.contains { folded.range(of: $0, options: .regularExpression) != nil })
    }
}
