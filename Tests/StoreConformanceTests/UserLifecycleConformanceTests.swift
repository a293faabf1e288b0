import Foundation
import Testing
import TriageCore
import TriageStore

/// `users remove` and `users rotate-token` on every store: the old token and the user's sessions stop working, the
/// cards they held are free again, and their decisions keep their name.
@Suite("User lifecycle on every store", .serialized, .timeLimit(.minutes(10)))
struct UserLifecycleConformanceTests {
    @Test("rotating a token ends the old token and every session; removing a user frees their card", arguments: Backend.available)
    func rotateAndRemove(backend: Backend) async throws {
        let seeded = try await ReviewSeed.make()
        try await seeded.on(backend) { store in
            let now = Date(timeIntervalSince1970: 1_790_000_000)
            let kim = try await store.addUser(name: "kim", role: .reviewer, team: nil, tokenHash: "old-hash", now: now)
            try await store.startSession(reviewerID: kim.id, sessionHash: "kim-session", expires: now.addingTimeInterval(3_600))
            #expect(try await store.reviewer(sessionHash: "kim-session", now: now)?.name == "kim")

            let rotated = try await store.rotateToken(name: "kim", tokenHash: "new-hash")
            #expect(rotated?.id == kim.id)
            #expect(try await store.reviewer(tokenHash: "old-hash") == nil)
            #expect(try await store.reviewer(tokenHash: "new-hash")?.name == "kim")
            #expect(try await store.reviewer(sessionHash: "kim-session", now: now) == nil, "a rotated token ends sessions")

            let card = try #require(try await store.reviewQueue(QueueFilter(limit: 1), now: now).first).card
            _ = try await store.lockCard(id: card.id, reviewer: kim, until: now.addingTimeInterval(600), now: now)
            #expect(try await store.cardContext(id: card.id, now: now)?.lockedBy == "kim")
            let removed = try await store.removeUser(name: "kim")
            #expect(removed?.id == kim.id)
            #expect(try await store.users().contains { $0.name == "kim" } == false)
            #expect(try await store.reviewer(tokenHash: "new-hash") == nil)
            #expect(try await store.cardContext(id: card.id, now: now)?.lockedBy == nil, "the card is free again")
            #expect(try await store.removeUser(name: "kim") == nil)
            #expect(try await store.rotateToken(name: "kim", tokenHash: "x") == nil)
        }
    }
}
