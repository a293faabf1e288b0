import Foundation
import Testing
import TriageCore
@testable import TriageServer

/// Issue 15 (first slice): a queue row says what the card proposes, so a reviewer can decide from the queue.
@Suite("Queue rows")
struct QueueRowTests {
    let at = Date(timeIntervalSince1970: 1_795_000_000)

    func card(plan: ActionPlan? = nil, suggestion: String? = nil, flags: [String] = []) throws -> QueueItem {
        let card = NewCard(
            exceptionID: 1, kind: .returnRequest, decisionType: .judgment, status: .open, team: "customer_ops",
            title: "Return request", summary: "", plan: plan, flags: flags, createdAt: at)
        let value = try suggestion.map { try JSONValue.parse(Data($0.utf8)) }
        return QueueItem(card: StoredCard(id: 9, card: card, suggestion: value, updatedAt: at), lockedBy: "ana")
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
        #expect(try PageModels.queueRow(try card(), now: at)["suggested"] as? String == "")
    }
}
