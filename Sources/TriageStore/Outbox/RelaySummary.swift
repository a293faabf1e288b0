import Foundation

/// One message whose delivery attempt failed, and why.
public struct DeliveryFailure: Sendable, Hashable {
    /// The outbox message id.
    public var id: Int64
    /// The system it is for.
    public var system: String
    /// What went wrong, without payload or credentials.
    public var reason: String
    /// Attempts made so far.
    public var attempts: Int

    /// Creates a failure.
    public init(id: Int64, system: String, reason: String, attempts: Int) {
        self.id = id
        self.system = system
        self.reason = reason
        self.attempts = attempts
    }
}

/// What one delivery pass, or a run of passes, did.
public struct RelaySummary: Sendable, Hashable {
    /// Ids of messages the receiver accepted.
    public var deliveredIDs: [Int64] = []
    /// Messages that failed for good, with their reasons.
    public var failures: [DeliveryFailure] = []
    /// Messages whose last attempt failed and that will be retried later, by id.
    public var retries: [Int64: DeliveryFailure] = [:]
    /// Due messages not attempted because the sink has no endpoint for their system, counted by system.
    public var leftPending: [String: Int] = [:]
    /// Messages claimed (in the last pass, after `absorb`).
    public var claimed = 0
    /// Claimed messages handed back unattempted because half the lease had passed (in the last pass).
    public var released = 0
    /// Messages whose outcome was not saved because another relay had claimed them after this relay's lease ran
    /// out; the receiver saw their idempotency key twice.
    public var leaseLost = 0

    /// An empty summary.
    public init() {}

    /// Messages the receiver accepted.
    public var delivered: Int { deliveredIDs.count }
    /// Messages that failed for good.
    public var failed: Int { failures.count }
    /// Messages that will be retried later.
    public var retrying: Int { retries.count }
    /// Messages left pending because their system has no endpoint.
    public var pendingWithoutEndpoint: Int { leftPending.values.reduce(0, +) }

    /// True when an attempt failed in this run: a message failed for good, or is still waiting for a retry.
    public var hasFailures: Bool { !failures.isEmpty || !retries.isEmpty }

    /// Systems left pending, most messages first, then by name.
    public var pendingSystems: [String] {
        leftPending.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
    }

    /// Adds a later pass: its outcomes settle earlier retries; left-pending counts are the latest pass's.
    public mutating func absorb(_ pass: RelaySummary) {
        deliveredIDs += pass.deliveredIDs
        failures += pass.failures
        for id in pass.deliveredIDs { retries[id] = nil }
        for failure in pass.failures { retries[failure.id] = nil }
        retries.merge(pass.retries) { $1 }
        leftPending = pass.leftPending
        claimed = pass.claimed
        released = pass.released
        leaseLost += pass.leaseLost
    }
}
