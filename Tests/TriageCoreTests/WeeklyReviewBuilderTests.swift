import Foundation
import Testing
import TriageCore

@Suite("Weekly review: promotion evidence, cascades, hours")
struct WeeklyReviewBuilderTests {
    static let weekEnd = ISODate.parse("2026-11-20T00:00:00Z")!

    /// `count` gated-rule cards this week, each decided by a reviewer: the first `agreeing` accept the rule's plan.
    static func ruleData(ruleID: String, mode: RuleMode, count: Int, agreeing: Int) -> FeedbackData {
        var exceptions: [FeedbackData.Exception] = []
        var cards: [FeedbackData.Card] = []
        var decisions: [FeedbackData.Decision] = []
        for index in 0..<count {
            let at = weekEnd.addingTimeInterval(-Double(index % 6 + 1) * 86_400)
            exceptions.append(.init(id: Int64(index), kind: .inventoryDrift, source: "wms", reason: nil, occurredAt: at, handlingMinutes: 8))
            cards.append(.init(
                id: Int64(index), exceptionID: Int64(index), decisionType: .binary, status: .resolved, team: "fulfillment",
                ruleID: ruleID, ruleMode: mode, ruleAction: "reconcile_inventory", aiTask: nil, aiAction: nil, confidence: nil))
            decisions.append(.init(
                cardID: Int64(index), actor: "ann", actorKind: "reviewer",
                action: index < agreeing ? "reconcile_inventory" : "reject", edited: false, secondsToDecide: 30, decidedAt: at))
        }
        return FeedbackData(exceptions: exceptions, cards: cards, decisions: decisions, teams: ["ann": "fulfillment"])
    }

    static func review(_ data: FeedbackData, mode: RuleMode) -> WeeklyReview {
        WeeklyReviewBuilder(
            data: data, rules: [.init(id: "inv", kinds: [.inventoryDrift], mode: mode, action: "reconcile_inventory")],
            policy: ReviewPolicy(promotionMinDecisions: 100, promotionMinAgreement: 0.95), weekEnd: weekEnd
        ).build()
    }

    @Test("a shadow rule with 200 agreeing decisions gets a promotion to gated")
    func promotes() throws {
        let rule = try #require(Self.review(Self.ruleData(ruleID: "inv", mode: .shadow, count: 200, agreeing: 200), mode: .shadow).rules.first)
        #expect(rule.reviewed == 200)
        #expect(rule.agreed == 200)
        #expect(rule.promote)
        #expect(rule.promotion?.hasPrefix("promote to gated") == true)
        #expect((rule.intervalLow ?? 0) > 0.98)
    }

    @Test("a rule with 70 % agreement, or too few decisions, gets none")
    func doesNotPromote() throws {
        let mixed = try #require(Self.review(Self.ruleData(ruleID: "inv", mode: .shadow, count: 200, agreeing: 140), mode: .shadow).rules.first)
        #expect(mixed.agreement == 0.7)
        #expect(!mixed.promote)
        #expect(mixed.disagreements.count == 20)
        let few = try #require(Self.review(Self.ruleData(ruleID: "inv", mode: .gated, count: 40, agreeing: 40), mode: .gated).rules.first)
        #expect(!few.promote)
        #expect(few.promotion?.contains("40 of 100") == true)
    }

    @Test("hours are count × median handling minutes; the Wilson interval matches a known value")
    func hoursAndInterval() throws {
        let data = Self.ruleData(ruleID: "inv", mode: .gated, count: 30, agreeing: 30)
        let type = try #require(Self.review(data, mode: .gated).types.first)
        #expect(type.count == 30)
        #expect(type.hours == 30 * 8 / 60)
        let interval = try #require(Statistics.wilson(successes: 140, trials: 200))
        #expect(abs(interval.low - 0.6331) < 0.001)
        #expect(abs(interval.high - 0.7595) < 0.001)
    }

    @Test("an hour far above the usual count at that hour is a cascade; a busy but usual hour is not")
    func cascades() {
        var exceptions: [FeedbackData.Exception] = []
        var id: Int64 = 0
        func add(_ count: Int, at hour: Date) {
            for minute in 0..<count {
                id += 1
                exceptions.append(.init(id: id, kind: .paymentDrift, source: "gateway", reason: nil,
                                        occurredAt: hour.addingTimeInterval(Double(minute % 60) * 60), handlingMinutes: 4))
            }
        }
        // 30 at 10:00 on each of the last eight days; the last day's 10:00 gets 40 more (70 < 5 × the usual 30),
        // and its 03:00, usually empty, gets 90 (≥ 20 and ≥ 5 × 1): only the latter is a cascade.
        for day in 1...8 { add(30, at: Self.weekEnd.addingTimeInterval(-Double(day) * 86_400 + 10 * 3600)) }
        add(40, at: Self.weekEnd.addingTimeInterval(-86_400 + 10 * 3600))
        add(90, at: Self.weekEnd.addingTimeInterval(-86_400 + 3 * 3600))
        let review = WeeklyReviewBuilder(
            data: FeedbackData(exceptions: exceptions, cards: [], decisions: [], teams: [:]), rules: [],
            policy: ReviewPolicy(cascadeMinPerHour: 20, cascadeFactor: 5), weekEnd: Self.weekEnd
        ).build()
        #expect(review.cascades.count == 1)
        #expect(review.cascades.first?.count == 90)
        #expect(review.cascades.first?.hour == Self.weekEnd.addingTimeInterval(-86_400 + 3 * 3600))
    }
}
