import Foundation
import TriageCore

/// Delivers due outbox messages to a sink and records each outcome. Any number of relays may drain one outbox at
/// once: each claims its messages under a lease (see ``OutboxQueue``), and every delivery carries the message's
/// idempotency key, so a message a dead relay had delivered but not yet marked takes effect once.
public struct OutboxRelay: Sendable {
    let queue: any OutboxQueue
    let sink: any OutboxSink
    let policy: OutboxDeliveryPolicy
    /// This relay's name in leases.
    public var owner = "relay-\(ProcessInfo.processInfo.hostName)-\(getpid())"
    /// Seconds a claim holds its messages; a dead relay's messages are claimed again after this. A relay starts no
    /// delivery after half its lease, so the lease must exceed twice the sink's timeout.
    public var leaseSeconds = 60.0
    /// Messages claimed per pass.
    public var batch = 500

    /// Creates a relay.
    public init(queue: any OutboxQueue, sink: any OutboxSink, policy: OutboxDeliveryPolicy = .init()) {
        self.queue = queue
        self.sink = sink
        self.policy = policy
    }

    /// Claims up to `batch` messages due at `now` and attempts each once. Messages for systems the sink does not
    /// handle are not claimed: they stay pending (attempts and error unchanged) and are counted in `leftPending`.
    public func deliverDue(now: Date) async throws -> RelaySummary {
        var summary = RelaySummary()
        let due = try await queue.dueOutboxCounts(now: now)
        let handled = Set(due.keys.filter(sink.handles))
        summary.leftPending = due.filter { !handled.contains($0.key) }
        let claimed = try await queue.claimOutbox(
            owner: owner, systems: handled, now: now, limit: batch, leaseSeconds: leaseSeconds)
        let stopAt = ContinuousClock.now + .seconds(leaseSeconds / 2)
        for (index, message) in claimed.enumerated() {
            guard ContinuousClock.now < stopAt else {
                // Half the lease is gone: what is left goes back, rather than be delivered after the lease ran out
                // while another relay delivers it too.
                try await queue.releaseOutbox(ids: claimed[index...].map(\.id), owner: owner)
                summary.released = claimed.count - index
                break
            }
            let next = await attempt(message, now: now, into: &summary)
            if !(try await queue.saveDelivery(next, owner: owner, at: now)) { summary.leaseLost += 1 }
        }
        summary.claimed = claimed.count
        return summary
    }

    /// Delivers one message; returns its next state and notes the outcome in `summary`.
    private func attempt(_ message: OutboxMessage, now: Date, into summary: inout RelaySummary) async -> OutboxMessage {
        do {
            try await sink.deliver(message)
            summary.deliveredIDs.append(message.id)
            return policy.delivered(message)
        } catch {
            let next = policy.failed(message, error: error.message, retryable: error.retryable, now: now)
            let failure = DeliveryFailure(id: next.id, system: next.targetSystem, reason: error.message, attempts: next.attempts)
            if next.state == .failed {
                summary.failures.append(failure)
            } else {
                summary.retries[next.id] = failure
            }
            return next
        }
    }

    /// Delivers every message due at `now`, a batch at a time; failures wait for their backoff (the demo's one pass
    /// over a log whose clock is fixed).
    public func deliverAllDue(now: Date) async throws -> RelaySummary {
        var total = RelaySummary()
        while true {
            let pass = try await deliverDue(now: now)
            total.absorb(pass)
            guard pass.claimed == batch || pass.released > 0 else { return total }
        }
    }

    /// Delivers passes until nothing is due and nothing waits for a retry. Every due message is attempted however
    /// long that takes; only the waiting for retries stops after `maxWait` seconds, sleeping `pause` between passes.
    public func deliverUntilSettled(maxWait: Double, pause: Duration = .seconds(1)) async throws -> RelaySummary {
        var total = RelaySummary()
        let deadline = Date().addingTimeInterval(maxWait)
        while true {
            let pass = try await deliverDue(now: Date())
            total.absorb(pass)
            if pass.claimed == batch || pass.released > 0 { continue }  // more is due now
            if total.retries.isEmpty || Date() >= deadline { break }
            try await Task.sleep(for: pause)
        }
        return total
    }
}
