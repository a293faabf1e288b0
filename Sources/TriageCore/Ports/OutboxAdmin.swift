import Foundation

/// One outbox message as `triage outbox list` shows it.
public struct OutboxEntry: Sendable, Hashable {
    /// The stored message.
    public var message: OutboxMessage
    /// When the message was written.
    public var createdAt: Date
    /// When the receiver accepted it, if it has.
    public var deliveredAt: Date?

    /// Creates an entry.
    public init(message: OutboxMessage, createdAt: Date, deliveredAt: Date?) {
        self.message = message
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
    }
}

/// Which outbox messages to list.
public struct OutboxFilter: Sendable, Hashable {
    /// Only messages in this state.
    public var state: OutboxState?
    /// Only messages for this system.
    public var system: String?
    /// At most this many, oldest first.
    public var limit: Int

    /// Creates a filter.
    public init(state: OutboxState? = nil, system: String? = nil, limit: Int = 100) {
        self.state = state
        self.system = system
        self.limit = limit
    }
}

/// What a retry request changed.
public struct OutboxRequeue: Sendable, Hashable {
    /// Failed messages put back to pending, as they were before (state, attempts and last error).
    public var requeued: [OutboxMessage] = []
    /// Ids asked for that were already pending: nothing to do.
    public var alreadyPending: [Int64] = []

    /// Creates a result.
    public init(requeued: [OutboxMessage] = [], alreadyPending: [Int64] = []) {
        self.requeued = requeued
        self.alreadyPending = alreadyPending
    }
}

/// Why a retry request was refused; nothing was changed.
public enum OutboxRequeueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No message has these ids.
    case unknown([Int64])
    /// These messages were delivered: sending them again is not a retry.
    case delivered([Int64])

    public var description: String {
        switch self {
        case .unknown(let ids): "no outbox message with id \(ids.map(String.init).joined(separator: ", "))"
        case .delivered(let ids):
            "outbox message \(ids.map(String.init).joined(separator: ", ")) already delivered; not requeued"
        }
    }
}

/// What an operator reads and changes in the outbox, on every store: the list, and failed messages put back. The
/// stores read and write rows; the rules of a retry are ``requeueOutbox(ids:now:)``'s, written once here.
public protocol OutboxAdmin: Sendable {
    /// Messages matching `filter`, oldest first, and how many match in all.
    func outboxEntries(_ filter: OutboxFilter) async throws -> (entries: [OutboxEntry], total: Int)
    /// The messages with these ids (unknown ids are left out), in id order.
    func outboxMessages(ids: [Int64]) async throws -> [OutboxMessage]
    /// Every failed message, of `system` when given, in id order.
    func failedOutboxMessages(system: String?) async throws -> [OutboxMessage]
    /// Puts the messages among `ids` that are still failed back to pending, due at `now`, attempts reset to 0 (the
    /// last error stays until the next attempt), and clears the failed outcome of their decisions, in one
    /// transaction; returns the ids it changed.
    func markOutboxPending(ids: [Int64], now: Date) async throws -> [Int64]
}

extension OutboxAdmin {
    /// Puts the failed messages among `ids` back to pending. Unknown or delivered ids refuse the whole request; ids
    /// already pending are reported and left alone.
    public func requeueOutbox(ids: [Int64], now: Date) async throws -> OutboxRequeue {
        let found = Dictionary(try await outboxMessages(ids: Array(Set(ids))).map { ($0.id, $0) }) { first, _ in first }
        let unknown = ids.filter { found[$0] == nil }
        if !unknown.isEmpty { throw OutboxRequeueError.unknown(unknown) }
        let delivered = ids.filter { found[$0]?.state == .delivered }
        if !delivered.isEmpty { throw OutboxRequeueError.delivered(delivered) }
        let failed = found.values.filter { $0.state == .failed }.sorted { $0.id < $1.id }
        return OutboxRequeue(
            requeued: try await markPending(failed, now: now),
            alreadyPending: ids.filter { found[$0]?.state == .pending })
    }

    /// Puts every failed message (of `system`, when given) back to pending, due at `now`.
    public func requeueFailedOutbox(system: String?, now: Date) async throws -> OutboxRequeue {
        OutboxRequeue(requeued: try await markPending(try await failedOutboxMessages(system: system), now: now))
    }

    /// The messages of `failed` that this call put back, as they were before; one delivered or requeued meanwhile
    /// by someone else is left out.
    private func markPending(_ failed: [OutboxMessage], now: Date) async throws -> [OutboxMessage] {
        guard !failed.isEmpty else { return [] }
        let changed = Set(try await markOutboxPending(ids: failed.map(\.id), now: now))
        return failed.filter { changed.contains($0.id) }
    }
}
