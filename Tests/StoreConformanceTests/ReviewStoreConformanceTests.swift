import Foundation
import Testing
import TriageCore
import TriageDemo
import TriagePostgres
import TriageRules
import TriageStore

/// The review store's contract, on SQLite and on PostgreSQL. A small demo is generated, loaded and routed into
/// SQLite by the shipped rules (with a few AI cards filled in); PostgreSQL gets a copy of it. Both must then answer
/// every read the same way, and take the same decisions to the same place.
@Suite("Review store on every store", .serialized, .timeLimit(.minutes(10)))
struct ReviewStoreConformanceTests {
    @Test("queue pages, searches, counts, card views and the weekly review's data are the same on both stores")
    func readsAgree() async throws {
        let seeded = try await ReviewSeed.make()
        let expected = try await Reads.of(seeded.sqlite, seed: seeded)
        guard Backend.available.contains(.postgres) else { return }
        #expect(expected.queuePages.count > 3, "the seed fills several queue pages")
        #expect(expected.contexts.contains { !$0.candidateOrders.isEmpty }, "an AI card offers candidate orders")
        #expect(expected.contexts.contains { $0.order != nil && !$0.payments.isEmpty })
        #expect(!expected.escalations.isEmpty && !expected.gated.isEmpty)
        #expect(expected.searches.allSatisfy { !$0.isEmpty }, "each search finds its card")
        #expect(expected.listed.allSatisfy { !$0.isEmpty }, "each card list holds cards")
        try await seeded.on(.postgres) { store in
            let actual = try await Reads.of(store, seed: seeded)
            #expect(actual.queuePages == expected.queuePages)
            #expect(actual.searches == expected.searches)
            #expect(actual.counts == expected.counts && actual.gated == expected.gated)
            #expect(actual.escalations == expected.escalations)
            #expect(actual.contexts == expected.contexts)
            expectSameFeedback(actual.feedback, expected.feedback)
            #expect(actual.latest == expected.latest)
            #expect(actual.listed == expected.listed)
        }
    }

    @Test("the same decisions leave the same decisions, cards and outbox on both stores")
    func decisionsAgree() async throws {
        let seeded = try await ReviewSeed.make()
        try await seeded.withPostgresCopy { postgres in
            let expected = try await Decisions.run(on: seeded.sqlite, seed: seeded)
            #expect(expected.outcomes.filter { $0 != nil }.count >= 10, "most decisions go through")
            #expect(expected.outcomes.contains { ($0?.outboxMessages ?? 0) > 0 }, "an accepted plan queues messages")
            #expect(expected.refusals.contains { $0.contains("ana") }, "a card ana holds is refused to bo")
            guard let postgres else { return }
            let actual = try await Decisions.run(on: postgres, seed: seeded)
            #expect(actual.outcomes == expected.outcomes)
            #expect(actual.refusals == expected.refusals)
            #expect(actual.outbox == expected.outbox)
            expectSameFeedback(actual.feedback, expected.feedback)
        }
    }

    @Test("two servers routing the same stored exceptions at once route each once", arguments: Backend.available)
    func storedExceptionsRouteOnce(backend: Backend) async throws {
        let seeded = try await ReviewSeed.make()
        try await seeded.on(backend) { store in
            let service = RoutingService(table: try ReviewSeed.shippedRules(), store: store)
            let feedback = try await store.feedbackData(from: seeded.window.from, to: seeded.window.to)
            var copies: [NewException] = []
            for card in feedback.cards.prefix(60) {
                var copy = try #require(try await store.cardContext(id: card.id, now: seeded.now)).exception.exception
                copy.eventID += "-again"
                copies.append(copy)
            }
            // Stored as a webhook stores them, not yet routed: the state a server finds at start.
            let batch = copies
            let stored = try await store.routingTransaction { transaction in
                try transaction.insert(batch, receivedAt: seeded.now).compactMap { $0 }
            }
            #expect(stored.count == 60)
            let summaries = await withTaskGroup(of: RoutingSummary?.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        try? await store.routingTransaction { transaction in
                            try service.route(
                                stored: try transaction.holdUnrouted(stored), in: transaction, now: seeded.now)
                        }
                    }
                }
                return await group.reduce(into: [RoutingSummary]()) { if let summary = $1 { $0.append(summary) } }
            }
            #expect(summaries.count == 2, "both routings commit")
            let routed = summaries.map { $0.byDecision.values.reduce(0, +) + $0.joined }
            #expect(routed.reduce(0, +) == 60, "each stored exception routed once, by one of the two: \(routed)")
            let unrouted = Set(try await store.unroutedExceptions(limit: 10_000).map(\.id))
            #expect(unrouted.isDisjoint(with: stored.map(\.id)))
        }
    }

    @Test("users and sessions: a name once, a session until it expires or ends", arguments: Backend.available)
    func usersAndSessions(backend: Backend) async throws {
        try await ReviewSeed.withEmptyStore(backend) { store in
            let now = Date(timeIntervalSince1970: 1_790_000_000)
            let ana = try await store.addUser(
                name: "  ana ", role: .reviewer, team: "finance", tokenHash: "h-ana", now: now)
            #expect(ana.name == "ana")
            await #expect(throws: ReviewError.self) {
                try await store.addUser(name: "ana", role: .admin, team: nil, tokenHash: "h-2", now: now)
            }
            await #expect(throws: ReviewError.self) {
                try await store.addUser(name: "two\nlines", role: .admin, team: nil, tokenHash: "h-3", now: now)
            }
            // Probe 23: `ALICE` beside `alice`, and names with a NUL or a direction override, are refused.
            for name in ["ANA", "Ana", "an\u{0}a", "\u{202E}ana"] {
                await #expect(throws: ReviewError.self, "\(name.debugDescription)") {
                    try await store.addUser(name: name, role: .admin, team: nil, tokenHash: "h-\(name)", now: now)
                }
            }
            _ = try await store.addUser(name: "bo", role: .admin, team: nil, tokenHash: "h-bo", now: now)
            #expect(try await store.users().map(\.name) == ["ana", "bo"])
            #expect(try await store.reviewer(tokenHash: "h-ana") == ana)
            #expect(try await store.reviewer(tokenHash: "nope") == nil)
            try await store.startSession(reviewerID: ana.id, sessionHash: "s1", expires: now.addingTimeInterval(60))
            #expect(try await store.reviewer(sessionHash: "s1", now: now) == ana)
            #expect(try await store.reviewer(sessionHash: "s1", now: now.addingTimeInterval(61)) == nil)
            try await store.endSession(sessionHash: "s1")
            #expect(try await store.reviewer(sessionHash: "s1", now: now) == nil)
        }
    }

    @Test("two reviewers deciding one card at once: one decides, one is refused", arguments: Backend.available)
    func raceDecidesOnce(backend: Backend) async throws {
        let seeded = try await ReviewSeed.make()
        try await seeded.on(backend) { store in
            var gated = QueueFilter(limit: 20)
            gated.rule = seeded.gatedRule
            let cards = try await store.reviewQueue(gated, now: seeded.now)
            #expect(cards.count == 20)
            var decided = 0
            for item in cards {
                let results = await withTaskGroup(of: Bool.self) { group in
                    for reviewer in [seeded.ana, seeded.bo] {
                        group.addTask {
                            (try? await store.decide(
                                ReviewRequest(cardID: item.card.id, verdict: .accept), by: reviewer,
                                planner: ReviewPlanner(), now: seeded.now)) != nil
                        }
                    }
                    return await group.reduce(into: [Bool]()) { $0.append($1) }
                }
                // Both may be refused: an earlier card's count can leave this card's plan stale.
                let wins = results.filter { $0 }.count
                #expect(wins <= 1, "card \(item.card.id) decided twice")
                let decisions = try #require(try await store.cardContext(id: item.card.id, now: seeded.now)).decisions
                #expect(decisions.filter { $0.actorKind == "reviewer" }.count == wins)
                decided += wins
            }
            #expect(decided >= 10, "most cards decided once")
        }
    }

    @Test("two reviewers locking one card at once: one holds it, the other is told who", arguments: Backend.available)
    func raceLocksOnce(backend: Backend) async throws {
        let seeded = try await ReviewSeed.make()
        try await seeded.on(backend) { store in
            let cards = try await store.reviewQueue(QueueFilter(limit: 20), now: seeded.now)
            for item in cards {
                let holders = await withTaskGroup(of: String?.self) { group in
                    for reviewer in [seeded.ana, seeded.bo] {
                        group.addTask {
                            let until = seeded.now.addingTimeInterval(600)
                            let locked = try? await store.lockCard(
                                id: item.card.id, reviewer: reviewer, until: until, now: seeded.now)
                            return locked == nil ? nil : reviewer.name
                        }
                    }
                    return await group.reduce(into: [String]()) { if let name = $1 { $0.append(name) } }
                }
                #expect(holders.count == 1, "card \(item.card.id): \(holders)")
                let context = try #require(try await store.cardContext(id: item.card.id, now: seeded.now))
                #expect(context.lockedBy == holders.first)
            }
        }
    }
}

/// Compares feedback data part by part; a difference names the part and the first row that differs.
func expectSameFeedback(
    _ actual: FeedbackData?, _ expected: FeedbackData?, sourceLocation: SourceLocation = #_sourceLocation
) {
    func first<T: Equatable>(_ a: [T], _ b: [T]) -> String {
        guard let index = a.indices.first(where: { $0 < b.count && a[$0] != b[$0] }) else {
            return "counts \(a.count) and \(b.count)"
        }
        return "row \(index): \(a[index]) against \(b[index])"
    }
    let (a, b) = (actual?.exceptions ?? [], expected?.exceptions ?? [])
    #expect(a == b, "exceptions differ at \(first(a, b))", sourceLocation: sourceLocation)
    let (c, d) = (actual?.cards ?? [], expected?.cards ?? [])
    #expect(c == d, "cards differ at \(first(c, d))", sourceLocation: sourceLocation)
    let (e, f) = (actual?.decisions ?? [], expected?.decisions ?? [])
    #expect(e == f, "decisions differ at \(first(e, f))", sourceLocation: sourceLocation)
    #expect(actual?.teams == expected?.teams && actual?.logStart == expected?.logStart, sourceLocation: sourceLocation)
}
