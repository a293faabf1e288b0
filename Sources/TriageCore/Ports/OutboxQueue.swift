import Foundation

/// The outbox as a queue that several relays drain at once: a relay claims due messages under a lease, delivers
/// them, and saves each outcome only while it still holds the lease. A relay that dies mid-delivery leaves its
/// messages to be claimed again when the lease runs out, and the receiver sees the same idempotency key again: each
/// message takes effect once.
public protocol OutboxQueue: Sendable {
    /// Pending messages due at `now` and not leased, counted per target system.
    func dueOutboxCounts(now: Date) async throws -> [String: Int]
    /// Leases up to `limit` due, unleased pending messages for `systems` to `owner` until `now + leaseSeconds`, oldest
    /// first; messages another relay holds are skipped, not waited for.
    func claimOutbox(owner: String, systems: Set<String>, now: Date, limit: Int, leaseSeconds: Double) async throws
        -> [OutboxMessage]
    /// Saves a claimed message's new delivery state (and the outcome on the decision that caused it) and releases
    /// its lease; false, and nothing saved, when `owner` no longer holds it.
    func saveDelivery(_ message: OutboxMessage, owner: String, at date: Date) async throws -> Bool
    /// Releases the leases `owner` holds on these messages, untouched, so any relay may claim them at once.
    func releaseOutbox(ids: [Int64], owner: String) async throws
}
