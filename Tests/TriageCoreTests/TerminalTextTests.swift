import Foundation
import Testing
import TriageCore

/// The tables and lines the command line prints for cards, decisions, users and the weekly review.
@Suite("Terminal tables and lines")
struct TerminalTextTests {
    static let at = Date(timeIntervalSince1970: 1_795_000_000)

    @Test("the card list is one row per card with its confidence, titles cut at 60 characters with an ellipsis")
    func cardList() {
        let card = NewCard(
            exceptionID: 7, kind: .returnRequest, decisionType: .judgment, status: .open, team: "customer_ops",
            title: String(repeating: "t", count: 70), summary: "s", createdAt: Self.at)
        let text = CardText.list([StoredCard(id: 12, card: card, model: "gemma", updatedAt: Self.at)])
        #expect(text == TextTable.render(
            header: ["id", "kind", "decision", "status", "team", "confidence", "title", "model"],
            rows: [["12", "return_request", "judgment", "open", "customer_ops", "-", String(repeating: "t", count: 60) + "…", "gemma"]]))
    }

    @Test("a decision's line names the action, the edited fields and the outbox messages")
    func outcomeLine() {
        var outcome = ReviewOutcome(
            cardID: 4, decisionID: 9, action: "refund", parameters: [:], editedFields: [], outboxMessages: 1)
        #expect(CardText.outcome(outcome) == "card 4: refund; 1 outbox message(s)")
        outcome.editedFields = ["amount", "reason"]
        #expect(CardText.outcome(outcome) == "card 4: refund, edited amount, reason; 1 outbox message(s)")
    }

    @Test("users are a name, role and team table; a label names the team when there is one")
    func users() {
        let ann = Reviewer(id: 1, name: "ann", role: .admin, team: "finance")
        let bob = Reviewer(id: 2, name: "bob", role: .reviewer, team: nil)
        #expect(Reviewer.table([ann, bob]) == TextTable.render(
            header: ["name", "role", "team"], rows: [["ann", "admin", "finance"], ["bob", "reviewer", ""]]))
        #expect(ann.label == "ann (admin, team finance)")
        #expect(bob.label == "bob (reviewer)")
    }

    @Test("the weekly review text heads the week and prints every table, (none) for empty ones")
    func weeklyReview() {
        let review = WeeklyReviewBuilderTests.review(
            WeeklyReviewBuilderTests.ruleData(ruleID: "inv", mode: .shadow, count: 3, agreeing: 3), mode: .shadow)
        let text = review.text
        #expect(text.hasPrefix("Weekly review 2026-11-13 – 2026-11-19\n\n== "))
        for table in review.tables { #expect(text.contains("\n== \(table.title)\n")) }
        #expect(text.contains("(none)"))
    }
}
