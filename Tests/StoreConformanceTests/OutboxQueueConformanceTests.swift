import Foundation
import Synchronization
import Testing
import TriageCore
import TriageStore

/// The outbox queue's contract, on SQLite and on PostgreSQL: the relay's retries and final failures, and the leases
/// that let several relays share one outbox.
@Suite("Outbox queue on every store", .timeLimit(.minutes(5)))
struct OutboxQueueConformanceTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    /// Queues one message per system in `systems`, keys k0, k1, …
    static func queue(_ systems: [String], in store: any ReviewSeed.Store) async throws {
        try await store.routingTransaction { transaction in
            for (index, system) in systems.enumerated() {
                let exception = NewException(
                    source: system, eventID: "e\(index)", kind: .paymentDrift, occurredAt: start)
                let record = try #require(try transaction.insert(exception, receivedAt: start))
                let draft = OutboxDraft(
                    targetSystem: system, messageType: "order.release", payload: ["n": .number(Double(index))],
                    idempotencyKey: "k\(index)")
                try transaction.execute(
                    ActionPlan(action: "release_order", summary: "s", messages: [draft]), exceptionID: record.id,
                    at: start)
            }
        }
    }

    @Test("a refused delivery is retried after its backoff, then delivered once", arguments: Backend.available)
    func retriesThenDelivers(backend: Backend) async throws {
        try await ReviewSeed.withEmptyStore(backend) { store in
            try await Self.queue(["storefront"], in: store)
            let sink = ScriptedSink(failures: 1)
            let relay = OutboxRelay(queue: store, sink: sink, policy: .init(maxAttempts: 3, baseDelay: 10))
            #expect(try await relay.deliverDue(now: Self.start).retrying == 1)
            #expect(try await store.dueOutboxCounts(now: Self.start.addingTimeInterval(5)).isEmpty, "not due yet")
            #expect(try await relay.deliverDue(now: Self.start.addingTimeInterval(5)).delivered == 0)
            #expect(try await relay.deliverDue(now: Self.start.addingTimeInterval(10)).delivered == 1)
            #expect(sink.keys.withLock { $0 } == ["k0", "k0"], "the retry carries the same idempotency key")
            #expect(try await store.dueOutboxCounts(now: Self.start.addingTimeInterval(1_000)).isEmpty)
        }
    }

    @Test("after its last attempt a message fails for good and is not claimed again", arguments: Backend.available)
    func failsForGood(backend: Backend) async throws {
        try await ReviewSeed.withEmptyStore(backend) { store in
            try await Self.queue(["erp"], in: store)
            let relay = OutboxRelay(
                queue: store, sink: ScriptedSink(failures: 10), policy: .init(maxAttempts: 2, baseDelay: 0))
            _ = try await relay.deliverDue(now: Self.start)
            let last = try await relay.deliverDue(now: Self.start)
            #expect(last.failures.map(\.reason) == ["HTTP 503"] && last.failures.first?.attempts == 2)
            let later = try await store.claimOutbox(
                owner: "other", systems: ["erp"], now: Self.start.addingTimeInterval(86_400), limit: 10,
                leaseSeconds: 60)
            #expect(later.isEmpty)
        }
    }

    @Test(
        "a leased message is skipped by other relays, saved only by its holder, and free again when released or expired",
        arguments: Backend.available)
    func leases(backend: Backend) async throws {
        try await ReviewSeed.withEmptyStore(backend) { store in
            try await Self.queue(["erp", "erp", "wms"], in: store)
            let first = try await store.claimOutbox(
                owner: "a", systems: ["erp", "wms"], now: Self.start, limit: 2, leaseSeconds: 60)
            #expect(first.map(\.idempotencyKey) == ["k0", "k1"], "oldest first, up to the limit")
            let second = try await store.claimOutbox(
                owner: "b", systems: ["erp", "wms"], now: Self.start, limit: 10, leaseSeconds: 60)
            #expect(second.map(\.idempotencyKey) == ["k2"], "held messages are skipped")
            #expect(try await store.dueOutboxCounts(now: Self.start).isEmpty, "leased messages are not due")
            var delivered = first[0]
            delivered.state = .delivered
            #expect(try await store.saveDelivery(delivered, owner: "b", at: Self.start) == false, "not b's lease")
            #expect(try await store.saveDelivery(delivered, owner: "a", at: Self.start))
            try await store.releaseOutbox(ids: [first[1].id], owner: "a")
            let released = try await store.claimOutbox(
                owner: "b", systems: ["erp"], now: Self.start, limit: 10, leaseSeconds: 60)
            #expect(released.map(\.idempotencyKey) == ["k1"])
            let expired = try await store.claimOutbox(
                owner: "c", systems: ["erp", "wms"], now: Self.start.addingTimeInterval(61), limit: 10, leaseSeconds: 60
            )
            #expect(Set(expired.map(\.idempotencyKey)) == ["k1", "k2"], "expired leases are claimed again; k0 is done")
            var late = released[0]
            late.state = .delivered
            #expect(
                try await store.saveDelivery(late, owner: "b", at: Self.start.addingTimeInterval(62)) == false,
                "b's lease ran out")
        }
    }
}

/// `triage outbox list` and `retry` on every store: the same list, the same refusals, the same requeue.
@Suite("Outbox list and retry on every store", .timeLimit(.minutes(5)))
struct OutboxAdminConformanceTests {
    @Test("failed messages are listed, refused when unknown or delivered, and requeued once", arguments: Backend.available)
    func listAndRequeue(backend: Backend) async throws {
        try await ReviewSeed.withEmptyStore(backend) { store in
            let start = OutboxQueueConformanceTests.start
            try await OutboxQueueConformanceTests.queue(["erp", "erp", "wms", "erp"], in: store)
            let relay = OutboxRelay(queue: store, sink: ScriptedSink(failures: 3), policy: .init(maxAttempts: 1, baseDelay: 0))
            let summary = try await relay.deliverDue(now: start)
            #expect(summary.delivered == 1 && summary.failures.count == 3)
            let failed = try await store.outboxEntries(OutboxFilter(state: .failed))
            #expect(failed.entries.map(\.message.id) == [1, 2, 3] && failed.total == 3)
            let erp = try await store.outboxEntries(OutboxFilter(system: "erp", limit: 2))
            #expect(erp.entries.map(\.message.id) == [1, 2] && erp.total == 3)
            #expect(erp.entries[0].deliveredAt == nil && erp.entries[0].createdAt == start)
            await #expect(throws: OutboxRequeueError.unknown([99])) { try await store.requeueOutbox(ids: [1, 99], now: start) }
            await #expect(throws: OutboxRequeueError.delivered([4])) { try await store.requeueOutbox(ids: [1, 4], now: start) }
            let one = try await store.requeueOutbox(ids: [1], now: start)
            #expect(one.requeued.map(\.id) == [1] && one.requeued.first?.state == .failed)
            let again = try await store.requeueOutbox(ids: [1], now: start)
            #expect(again.requeued.isEmpty && again.alreadyPending == [1])
            #expect(try await store.requeueFailedOutbox(system: "wms", now: start).requeued.map(\.id) == [3])
            #expect(try await store.requeueFailedOutbox(system: nil, now: start).requeued.map(\.id) == [2])
            #expect(try await store.dueOutboxCounts(now: start) == ["erp": 2, "wms": 1])
        }
    }
}

/// A sink that refuses the first `failures` deliveries with a retryable HTTP 503; records every key it was sent.
final class ScriptedSink: OutboxSink {
    let failuresLeft: Mutex<Int>
    let keys = Mutex<[String]>([])

    init(failures: Int) { failuresLeft = Mutex(failures) }

    func deliver(_ message: OutboxMessage) async throws(DeliveryError) {
        keys.withLock { $0.append(message.idempotencyKey) }
        let failed = failuresLeft.withLock { left in
            defer { left = max(left - 1, 0) }
            return left > 0
        }
        if failed { throw DeliveryError(message: "HTTP 503", retryable: true) }
    }
}
