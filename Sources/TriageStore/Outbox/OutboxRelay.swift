import Foundation
import TriageCore

/// What one delivery pass did.
public struct RelaySummary: Sendable, Hashable {
    /// Messages the receiver accepted.
    public var delivered = 0
    /// Messages that will be retried later.
    public var retrying = 0
    /// Messages that failed for good.
    public var failed = 0

    /// An empty summary.
    public init() {}
}

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

    /// Delivers every message due at `now`, once each.
    public func deliverDue(now: Date) async throws -> RelaySummary {
        var summary = RelaySummary()
        for message in try database.dueOutboxMessages(now: now, limit: 100_000) {
            let next: OutboxMessage
            do {
                try await sink.deliver(message)
                next = policy.delivered(message)
                summary.delivered += 1
            } catch {
                next = policy.failed(message, error: error.message, retryable: error.retryable, now: now)
                if next.state == .failed { summary.failed += 1 } else { summary.retrying += 1 }
            }
            try database.saveDelivery(next, at: now)
        }
        return summary
    }
}
