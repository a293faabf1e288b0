import Foundation
import Testing
import TriageCore
@testable import TriageServer

/// Issue 15 (first slice): a queue row says what the card proposes, so a reviewer can decide from the queue.
@Suite("Queue rows")
struct QueueRowTests {
    let at = Date(timeIntervalSince1970: 1_795_000_000)

    func card(
        plan: ActionPlan? = nil, suggestion: String? = nil, flags: [String] = [], lockedBy: String? = "ana", snippet: String? = nil
    ) throws -> QueueItem {
        let card = NewCard(
            exceptionID: 1, kind: .returnRequest, decisionType: .judgment, status: .open, team: "customer_ops",
            title: "Return request", summary: "", plan: plan, flags: flags, createdAt: at)
        let value = try suggestion.map { try JSONValue.parse(Data($0.utf8)) }
        return QueueItem(card: StoredCard(id: 9, card: card, suggestion: value, updatedAt: at), lockedBy: lockedBy, snippet: snippet)
    }

    @Test("an AI card shows its action with the order it would touch, and its first flag")
    func aiRow() throws {
        let item = try card(suggestion: #"{"task":"return_match","action":"match_order","parameters":{"order_number":"102231"},"flags":["possible_injection"],"confidence":"high","candidates":[],"evidence":[],"notes":[],"promptTokens":0,"completionTokens":0,"latencySeconds":0}"#)
        let row = try PageModels.queueRow(item, now: at)
        #expect(row["suggested"] as? String == "match order 102231")
        #expect(row["flag"] as? String == "possible_injection")
        #expect(row["lockedBy"] as? String == "ana")
    }

    @Test("a rule's card shows its plan; a card with nothing proposed shows nothing")
    func ruleRow() throws {
        let plan = ActionPlan(action: "release", summary: "Release order #102915", parameters: [:], changes: [], messages: [])
        #expect(try PageModels.queueRow(try card(plan: plan), now: at)["suggested"] as? String == "Release order #102915")
        #expect(try PageModels.queueRow(try card(), now: at)["suggested"] == nil)
    }

    @Test("a long suggestion is cut at a word boundary with an ellipsis, and its title keeps the whole text")
    func wordBoundary() throws {
        let summary = "Refund 1,234.56 USD on order #102859 for the returned espresso machine and its milk frother"
        let plan = ActionPlan(action: "refund", summary: summary, parameters: [:], changes: [], messages: [])
        let row = try PageModels.queueRow(try card(plan: plan), now: at)
        let short = try #require(row["suggestedShort"] as? String)
        #expect(short == "Refund 1,234.56 USD on order #102859 for the…")
        #expect(row["suggested"] as? String == summary)
        #expect(TextClip.words("short enough", limit: 48) == "short enough")
        #expect(TextClip.words(String(repeating: "x", count: 60), limit: 48) == String(repeating: "x", count: 48) + "…")
    }

    @Test("the source snippet is the exception's text on one line, else the card's title")
    func snippet() throws {
        let row = try PageModels.queueRow(try card(snippet: "Hello,\n\nmy kettle   stopped working."), now: at)
        #expect(row["snippet"] as? String == "Hello, my kettle stopped working.")
        #expect(row["snippetFull"] as? String == "Return request — Hello, my kettle stopped working.")
        #expect(try PageModels.queueRow(try card(), now: at)["snippet"] as? String == "Return request")
    }

    @Test("held by shows who holds a card and nothing on an unlocked row; the confidence is a badge")
    func heldBy() throws {
        let template = try PageTemplates().queue
        let suggestion = #"{"task":"return_match","action":"match_order","parameters":{},"confidence":"high","candidates":[],"evidence":[],"notes":[],"flags":[],"promptTokens":0,"completionTokens":0,"latencySeconds":0}"#
        var free = try card(suggestion: suggestion, lockedBy: nil)
        free.card.confidence = .high
        let listing = { (item: QueueItem) in
            QueueListing(items: [item], counts: [:], gated: [:], filter: QueueFilter(), next: nil, query: "")
        }
        let unlocked = template.render(try PageModels.queue(listing(free), now: at))
        #expect(unlocked.contains(#"<td class="held"></td>"#))
        #expect(!unlocked.contains("open with"))
        #expect(unlocked.contains(#"<span class="badge conf-high">high</span>"#))
        let held = template.render(try PageModels.queue(listing(try card(lockedBy: "ana")), now: at))
        #expect(held.contains(#"<span class="badge held-by">🔒 ana</span>"#))
    }
}
