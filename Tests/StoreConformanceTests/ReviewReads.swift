import Foundation
import Testing
import TriageCore

/// Everything a reviewer's page and the weekly review read from a store, for comparing two stores.
struct Reads: Sendable {
    var queuePages: [[QueueItem]] = []
    var searches: [[Int64]] = []
    var counts: [ExceptionKind: Int] = [:]
    var gated: [String: Int] = [:]
    var escalations: [EscalationGroup] = []
    var contexts: [CardContext] = []
    var feedback: FeedbackData?
    var latest: Date?
    var listed: [[Int64]] = []

    static func of(_ store: any ReviewSeed.Store, seed: ReviewSeed) async throws -> Reads {
        var reads = Reads()
        var filter = QueueFilter(preferTeam: "customer_ops", limit: 40)
        while true {
            let page = try await store.reviewQueue(filter, now: seed.now)
            guard let last = page.last else { break }
            reads.queuePages.append(page)
            filter.after = QueueCursor(after: last.card, preferTeam: filter.preferTeam)
        }
        for text in seed.searches {
            var search = QueueFilter(limit: 50)
            search.search = text
            reads.searches.append(try await store.reviewQueue(search, now: seed.now).map(\.card.id))
        }
        reads.counts = try await store.openCounts()
        reads.gated = try await store.gatedCounts()
        reads.escalations = try await store.openEscalations()
        let aiCards = reads.queuePages.joined().filter { $0.card.suggestion != nil }.prefix(30)
        for item in reads.queuePages.prefix(2).joined() + aiCards {
            reads.contexts.append(try #require(try await store.cardContext(id: item.card.id, now: seed.now)))
        }
        reads.feedback = try await store.feedbackData(from: seed.window.from, to: seed.window.to)
        reads.latest = try await store.latestExceptionDate()
        for (statuses, kind) in [([], nil), ([.open, .resolved], nil), ([.autoResolved], nil), ([], ExceptionKind.returnRequest)]
            as [([CardStatus], ExceptionKind?)]
        {
            reads.listed.append(try await store.cards(statuses: statuses, kind: kind, limit: 60).map(\.id))
        }
        return reads
    }
}

/// A fixed series of decisions, and what they left behind.
struct Decisions: Sendable {
    var outcomes: [ReviewOutcome?] = []
    var refusals: [String] = []
    var outbox: [String] = []
    var feedback: FeedbackData?

    static func run(on store: any ReviewSeed.Store, seed: ReviewSeed) async throws -> Decisions {
        var result = Decisions()
        func decide(_ request: ReviewRequest, by reviewer: Reviewer) async {
            do {
                result.outcomes.append(
                    try await store.decide(request, by: reviewer, planner: ReviewPlanner(), now: seed.now))
            } catch {
                result.outcomes.append(nil)
                result.refusals.append("card \(request.cardID): \(error)")
            }
        }
        var gated = QueueFilter(limit: 12)
        gated.rule = seed.gatedRule
        for item in try await store.reviewQueue(gated, now: seed.now) {
            await decide(ReviewRequest(cardID: item.card.id, verdict: .accept, batchID: "batch-1"), by: seed.ana)
        }
        let open = try await store.reviewQueue(QueueFilter(limit: 400), now: seed.now)
        for item in open.filter({ $0.card.suggestion != nil }).prefix(8) {
            await decide(ReviewRequest(cardID: item.card.id, verdict: .accept), by: seed.bo)
        }
        for item in open.filter({ $0.card.card.decisionType == .judgment }).suffix(3) {
            await decide(ReviewRequest(cardID: item.card.id, verdict: .reject, reason: " not ours "), by: seed.ana)
        }
        if let held = open.last {
            _ = try await store.lockCard(
                id: held.card.id, reviewer: seed.ana, until: seed.now.addingTimeInterval(600), now: seed.now)
            await decide(ReviewRequest(cardID: held.card.id, verdict: .reject, reason: "mine"), by: seed.bo)
            await #expect(throws: ReviewError.self) {
                try await store.unlockCard(id: held.card.id, reviewer: seed.bo, now: seed.now)
            }
            try await store.unlockCard(id: held.card.id, reviewer: seed.ana, now: seed.now)
            await decide(ReviewRequest(cardID: held.card.id, verdict: .reject, reason: "now free"), by: seed.bo)
        }
        let later = seed.now.addingTimeInterval(86_400 * 365)
        let systems = Set(try await store.dueOutboxCounts(now: later).keys)
        result.outbox = try await store.claimOutbox(
            owner: "test", systems: systems, now: later, limit: 100_000, leaseSeconds: 60
        )
        .map { "\($0.targetSystem) \($0.messageType) \($0.idempotencyKey) \($0.payload.serialized)" }.sorted()
        result.feedback = try await store.feedbackData(from: seed.window.from, to: seed.window.to)
        return result
    }
}
