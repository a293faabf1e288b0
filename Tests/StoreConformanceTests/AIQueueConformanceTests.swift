import Foundation
import Testing
import TriageCore

/// The AI queue's contract, on SQLite and on PostgreSQL: the same calls, the same answers.
@Suite("AI queue on every store", .timeLimit(.minutes(5)))
struct AIQueueConformanceTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    static func intakes(_ count: Int, first: Int = 0) -> [WorkerIntake] {
        (first..<first + count).map { index in
            WorkerIntake(
                exception: NewException(
                    source: "mail", eventID: "e-\(index)", kind: .warrantyClaim, reason: nil, occurredAt: now,
                    orderNumber: index % 2 == 0 ? "A-\(index)" : nil, text: "My kettle stopped working.",
                    payload: ["from": "maria.g@example.com"]),
                task: .warranty, team: "customer_ops", title: "Warranty claim")
        }
    }

    static func suggestion(confidence: Confidence = .medium) -> Suggestion {
        Suggestion(task: .warranty, action: "approve_warranty", confidence: confidence, model: "test-model")
    }

    @Test("intake is idempotent on source and event id", arguments: Backend.available)
    func intakeIsIdempotent(backend: Backend) async throws {
        try await backend.withStore { store in
            #expect(try await store.enqueue(Self.intakes(5), now: Self.now) == 5)
            #expect(try await store.enqueue(Self.intakes(7), now: Self.now) == 2)
            #expect(try await store.jobCounts() == [.queued: 7])
            let cards = try await store.cardsByException()
            #expect(cards.count == 7 && cards.values.allSatisfy { $0.status == "awaiting_worker" })
        }
    }

    @Test("claims take due jobs in id order, once each, and count the attempt", arguments: Backend.available)
    func claimsInOrderOnce(backend: Backend) async throws {
        try await backend.withStore { store in
            try await store.enqueue(Self.intakes(5), now: Self.now)
            let first = try await store.claim("w1", limit: 3, at: Self.now)
            let second = try await store.claim("w2", limit: 3, at: Self.now)
            #expect(first.map(\.id) == [1, 2, 3])
            #expect(second.map(\.id) == [4, 5])
            #expect((first + second).allSatisfy { $0.state == .leased && $0.attempts == 1 })
            #expect(second.allSatisfy { $0.leaseOwner == "w2" })
            let record = try #require(try await store.exception(forJob: first[0]))
            #expect(record.exception.eventID == "e-0" && record.exception.orderNumber == "A-0")
            #expect(record.exception.payload["from"] == "maria.g@example.com")
            let other = try await store.claim("w3", limit: 3, at: Self.now, task: .invoice)
            #expect(other.isEmpty)
        }
    }

    @Test("the suggestion lands on the card with the ack; a second ack is refused", arguments: Backend.available)
    func completeOnce(backend: Backend) async throws {
        try await backend.withStore { store in
            try await store.enqueue(Self.intakes(1), now: Self.now)
            let job = try #require(try await store.claim("w1", at: Self.now).first)
            #expect(try await store.complete(job, with: Self.suggestion(), now: Self.now))
            #expect(try await store.complete(job, with: Self.suggestion(), now: Self.now) == false)
            let card = try #require(try await store.cardsByException()[job.exceptionID])
            #expect(card.status == "open" && card.confidence == "medium")
            #expect(card.summary == WorkerCardText.suggested(Self.suggestion()))
            #expect(try await store.jobCounts() == [.done: 1])
        }
    }

    @Test("an expired lease is reclaimed by another worker; the first worker's late ack is refused",
        arguments: Backend.available)
    func expiredLeaseReclaimed(backend: Backend) async throws {
        try await backend.withStore { store in
            try await store.enqueue(Self.intakes(1), now: Self.now)
            let stale = try #require(try await store.claim("w1", at: Self.now, lease: 30).first)
            let later = Self.now.addingTimeInterval(31)
            let fresh = try #require(try await store.claim("w2", at: later, lease: 30).first)
            #expect(fresh.id == stale.id && fresh.attempts == 2 && fresh.leaseOwner == "w2")
            #expect(try await store.complete(stale, with: Self.suggestion(), now: later) == false)
            #expect(try await store.complete(fresh, with: Self.suggestion(), now: later))
        }
    }

    @Test("a heartbeat keeps a lease held by its owner and cannot take back one another worker holds",
        arguments: Backend.available)
    func heartbeat(backend: Backend) async throws {
        try await backend.withStore { store in
            try await store.enqueue(Self.intakes(2), now: Self.now)
            let jobs = try await store.claim("w1", limit: 2, at: Self.now, lease: 30)
            #expect(try await store.extendLeases([jobs[0]], until: Self.now.addingTimeInterval(90)) == [jobs[0].id])
            // At +60 the beaten job is still leased; the other one's lease ran out and w2 takes it.
            let later = Self.now.addingTimeInterval(60)
            let taken = try await store.claim("w2", limit: 2, at: later, lease: 30)
            #expect(taken.map(\.id) == [jobs[1].id])
            #expect(try await store.extendLeases(jobs, until: later.addingTimeInterval(90)) == [jobs[0].id])
        }
    }

    @Test("a batch ack acks the jobs still leased to their owner and writes only their cards",
        arguments: Backend.available)
    func batchAck(backend: Backend) async throws {
        try await backend.withStore { store in
            try await store.enqueue(Self.intakes(3), now: Self.now)
            let jobs = try await store.claim("w1", limit: 3, at: Self.now, lease: 30)
            let later = Self.now.addingTimeInterval(31)
            let taken = try #require(try await store.claim("w2", at: later, lease: 30).first)
            let acked = try await store.completeAll(jobs.map { ($0, Self.suggestion()) }, now: later)
            #expect(acked == Set(jobs.map(\.id)).subtracting([taken.id]))
            let cards = try await store.cardsByException()
            #expect(cards[taken.exceptionID]?.status == "awaiting_worker")
            #expect(jobs.filter { $0.id != taken.id }.allSatisfy { cards[$0.exceptionID]?.confidence == "medium" })
            #expect(try await store.completeAll([], now: later).isEmpty)
            #expect(try await store.jobCounts() == [.done: 2, .leased: 1])
        }
    }

    @Test("a failed attempt is retried later, then dead with a judgment card", arguments: Backend.available)
    func retryThenDead(backend: Backend) async throws {
        try await backend.withStore { store in
            try await store.enqueue(Self.intakes(1), now: Self.now)
            let job = try #require(try await store.claim("w1", at: Self.now).first)
            var retry = job
            (retry.state, retry.notBefore, retry.lastError) = (.queued, Self.now.addingTimeInterval(10), "HTTP 503")
            try await store.fail(job, next: retry, now: Self.now)
            #expect(try await store.nextDueDate(task: nil) == Self.now.addingTimeInterval(10))
            #expect(try await store.claim("w1", at: Self.now).isEmpty)
            let waiting = try #require(try await store.cardsByException()[job.exceptionID])
            #expect(waiting.summary.contains("attempt 1 failed (HTTP 503)"))
            let again = try #require(
                try await store.claim("w1", at: Self.now.addingTimeInterval(10)).first)
            var dead = again
            (dead.state, dead.lastError) = (.dead, "invalid JSON")
            try await store.fail(again, next: dead, now: Self.now)
            let card = try #require(try await store.cardsByException()[job.exceptionID])
            #expect(card.status == "open" && card.summary == WorkerCardText.gaveUp(reason: "invalid JSON", attempts: 2))
            #expect(try await store.jobCounts() == [.dead: 1])
        }
    }

    @Test("a job whose every worker died is dead-lettered at claim time", arguments: Backend.available)
    func exhaustedJobIsDead(backend: Backend) async throws {
        try await backend.withStore { store in
            try await store.enqueue(Self.intakes(1), now: Self.now)
            var time = Self.now
            for _ in 0..<2 {
                _ = try await store.claim("w", at: time, lease: 5, maxAttempts: 2)
                time = time.addingTimeInterval(6)
            }
            #expect(try await store.claim("w", at: time, lease: 5, maxAttempts: 2).isEmpty)
            #expect(try await store.jobCounts() == [.dead: 1])
            let job = try #require(try await store.allJobs().first)
            #expect(job.lastError == WorkerCardText.exhaustedReason)
        }
    }

    @Test("eight workers claiming at once take every job exactly once", arguments: Backend.available)
    func concurrentClaimsAreDisjoint(backend: Backend) async throws {
        try await backend.withStore { store in
            try await store.enqueue(Self.intakes(400), now: Self.now)
            let ids = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for worker in 0..<8 {
                    group.addTask { try await Self.drain(store, owner: "w\(worker)") }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }.sorted()
            #expect(ids == Array(1...400))
            #expect(try await store.jobCounts() == [.done: 400])
        }
    }

    /// Claims ten at a time and acks each until nothing is left; the ids this worker acked.
    static func drain(_ store: any QueueStoreUnderTest, owner: String) async throws -> [Int64] {
        var acked: [Int64] = []
        while true {
            let jobs = try await store.claim(owner, limit: 10, at: now, lease: 300)
            if jobs.isEmpty { return acked }
            for job in jobs where try await store.complete(job, with: suggestion(), now: now) {
                acked.append(job.id)
            }
        }
    }
}
