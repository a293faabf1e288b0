import Foundation
import Testing
import TriageCore

@testable import TriageRules

@Suite("Routing outcome text")
struct RoutingOutcomeTextTests {
    static func card(decision: DecisionType, plan: Bool, flags: [String] = []) -> StoredCard {
        let card = NewCard(
            exceptionID: 3, kind: .inventoryDrift, decisionType: decision, status: .open, team: "fulfillment",
            title: "t", summary: "drift of 2", rule: RuleOutcome(ruleID: "inv", ruleVersion: 1, mode: .gated, action: "reconcile_inventory"),
            plan: plan ? ActionPlan(action: "reconcile_inventory", summary: "s") : nil, flags: flags,
            createdAt: Date(timeIntervalSince1970: 0))
        return StoredCard(id: 8, card: card, updatedAt: Date(timeIntervalSince1970: 0))
    }

    @Test func anUnroutedExceptionHasNoCard() {
        #expect(RoutingOutcomeText.render(nil) == "outcome: no card yet (the exception has not been routed)")
    }

    @Test func aBinaryCardWithAPlanCheckedOut() {
        #expect(RoutingOutcomeText.render(RoutedCard(card: Self.card(decision: .binary, plan: true), joined: false)) == """
            outcome: card 8 · binary · open · team fulfillment
            validation: rule inv's action reconcile_inventory checked out against the store (mode gated)
            card says: drift of 2
            """)
    }

    @Test func aRuleThatCouldNotDecideSendsTheCardToAPerson() {
        let text = RoutingOutcomeText.render(
            RoutedCard(card: Self.card(decision: .judgment, plan: false, flags: ["stale", "big"]), joined: false))
        #expect(Array(text.components(separatedBy: "\n").suffix(3)) == [
            "validation: rule inv's action reconcile_inventory could not decide; the card went to a person",
            "card says: drift of 2", "flags: stale, big",
        ])
    }

    @Test func anEventThatJoinedAnotherCardSaysWhichAndShowsIt() {
        let text = RoutingOutcomeText.render(RoutedCard(card: Self.card(decision: .judgment, plan: false), joined: true))
        #expect(text.hasPrefix("outcome: joined card 8 (an earlier event about the same order and cause) · judgment"))
    }
}
