import Foundation
import TriageCore

/// Delivers due outbox messages to a sink and records each outcome.
public struct OutboxRelay: Sendable {
    let database: AppDatabase
    let sink: any OutboxSink
    let policy: OutboxDeliveryPolicy

    /// Creates a relay.
    public init(database: AppDatabase, sink: any OutboxSink, policy: OutboxDeliveryPolicy = .init()) {
        self.database = database
        self.sink = sink
        self.policy = policy
    }

    /// Delivers every message due at `now`, once each. Messages for systems the sink does not handle are not
    /// attempted: they stay pending (attempts and error unchanged) and are counted in `leftPending`.
    public func deliverDue(now: Date) async throws -> RelaySummary {
        var summary = RelaySummary()
        for message in try await database.dueOutboxMessages(now: now, limit: 100_000) {
            guard sink.handles(system: message.targetSystem) else {
                summary.leftPending[message.targetSystem, default: 0] += 1
                continue
            }
            let next: OutboxMessage
            do {
                try await sink.deliver(message)
                next = policy.delivered(message)
                summary.deliveredIDs.append(message.id)
            } catch {
                next = policy.failed(message, error: error.message, retryable: error.retryable, now: now)
                let failure = DeliveryFailure(
                    id: next.id, system: next.targetSystem, reason: error.message, attempts: next.attempts)
                if next.state == .failed {
                    summary.failures.append(failure)
                } else {
                    summary.retries[next.id] = failure
                }
            }
            try await database.saveDelivery(next, at: now)
        }
        return summary
    }

    /// Delivers passes until nothing waits for a retry or `maxWait` seconds have passed, sleeping `pause` between.
    public func deliverUntilSettled(maxWait: Double, pause: Duration = .seconds(1)) async throws -> RelaySummary {
        var total = RelaySummary()
        let deadline = Date().addingTimeInterval(maxWait)
        repeat {
            total.absorb(try await deliverDue(now: Date()))
            if total.retries.isEmpty { break }
            try await Task.sleep(for: pause)
        } while Date() < deadline
        return total
    }
}
