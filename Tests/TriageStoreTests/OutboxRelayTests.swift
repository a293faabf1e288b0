import Foundation
import Synchronization
import Testing
import TriageCore

@testable import TriageStore

/// A sink that fails the first `failures` deliveries, then accepts; records what it accepted.
final class FlakySink: OutboxSink {
    let state: Mutex<(failuresLeft: Int, accepted: [String])>

    init(failures: Int) { state = Mutex((failures, [])) }

    func deliver(_ message: OutboxMessage) async throws(DeliveryError) {
        let failed = state.withLock { state -> Bool in
            if state.failuresLeft > 0 {
                state.failuresLeft -= 1
                return true
            }
            state.accepted.append(message.idempotencyKey)
            return false
        }
        if failed { throw DeliveryError(message: "HTTP 503", retryable: true) }
    }
}

@Suite(.timeLimit(.minutes(5))) struct OutboxRelayTests {
    func databaseWithOneMessage() async throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        let message = OutboxDraft(
            targetSystem: "storefront", messageType: "order.release", payload: [:], idempotencyKey: "k1")
        try await database.routingTransaction { tx in
            let exception = NewException(source: "gateway", eventID: "e1", kind: .paymentDrift, occurredAt: Date())
            let record = try #require(try tx.insert(exception, receivedAt: Date()))
            let plan = ActionPlan(action: "a", summary: "s", messages: [message])
            try tx.execute(plan, exceptionID: record.id, at: Date(timeIntervalSince1970: 0))
        }
        return database
    }

    @Test func retriesWithBackoffThenDelivers() async throws {
        let database = try await databaseWithOneMessage()
        let sink = FlakySink(failures: 1)
        let relay = OutboxRelay(queue: database, sink: sink, policy: .init(maxAttempts: 3, baseDelay: 10))
        let start = Date(timeIntervalSince1970: 100)
        let first = try await relay.deliverDue(now: start)
        #expect(first.retrying == 1)
        #expect(try await relay.deliverDue(now: start.addingTimeInterval(5)).delivered == 0)
        #expect(try await relay.deliverDue(now: start.addingTimeInterval(10)).delivered == 1)
        #expect(sink.state.withLock { $0.accepted } == ["k1"])
        #expect(try database.outboxMessages(state: .delivered).count == 1)
    }

    @Test func failsForGoodAfterTheLastAttempt() async throws {
        let database = try await databaseWithOneMessage()
        let relay = OutboxRelay(queue: database, sink: FlakySink(failures: 10), policy: .init(maxAttempts: 2, baseDelay: 0))
        _ = try await relay.deliverDue(now: Date(timeIntervalSince1970: 100))
        let last = try await relay.deliverDue(now: Date(timeIntervalSince1970: 100))
        #expect(last.failed == 1)
        let failed = try database.outboxMessages(state: .failed)
        #expect(failed.first?.lastError == "HTTP 503")
        #expect(failed.first?.attempts == 2)
    }

    @Test func fileSinkAppendsOneJSONLinePerMessage() async throws {
        let database = try await databaseWithOneMessage()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        _ = try await OutboxRelay(queue: database, sink: JSONLFileSink(url: url)).deliverDue(now: Date())
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 1)
        #expect(text.contains(#""idempotency_key":"k1""#))
    }
}
