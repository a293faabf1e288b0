import Foundation
import TriageCore

/// Notices cascades while they happen: an hour in which one source raises far more exceptions of one type than it
/// usually does (a gateway or storefront dropping events) becomes one escalated card, not one card per exception.
struct CascadeWatch {
    let policy: ReviewPolicy
    /// A cascade already raised for the same type and source within this many hours is not raised again.
    static let quietHours = 6.0

    /// Adds `records` to the hourly totals, in the transaction that routes them.
    func count(_ records: [ExceptionRecord], in transaction: any RoutingTransaction) throws {
        let counts = Self.counts(records)
        if !counts.isEmpty { try transaction.countHourly(counts) }
    }

    /// The cascade exceptions to store and route that `records` complete, read from the hourly totals once the
    /// transaction that counted them has committed: of two batches committed at once, the one checked last sees both.
    func check(_ records: [ExceptionRecord], in transaction: any RoutingTransaction) throws -> [NewException] {
        let counts = Self.counts(records)
        guard !counts.isEmpty else { return [] }
        var raised: [NewException] = []
        let days = Double(policy.cascadeBaselineDays)
        let pairs = Dictionary(grouping: counts.keys, by: { [$0.kind.rawValue, $0.source] }).values.map { keys in
            keys.sorted { $0.hour < $1.hour }
        }.filter { !$0.isEmpty }.sorted { ($0[0].kind.rawValue, $0[0].source) < ($1[0].kind.rawValue, $1[0].source) }
        // One read for the batch: the hours of each type and source, and the baseline days before them.
        let tables = try transaction.hourlyCounts(
            pairs.map { keys in
                HourRange(
                    kind: keys[0].kind, source: keys[0].source, from: keys[0].hour.addingTimeInterval(-days * 86_400),
                    to: keys[keys.count - 1].hour.addingTimeInterval(3600))
            })
        for (keys, table) in zip(pairs, tables) {
            // One cascade per type and source a batch, at its first hour over the baseline.
            for key in keys where !raised.contains(where: { $0.source == key.source && $0.eventID.hasPrefix(Self.prefix(key)) }) {
                if let cascade = try cascade(key, counts: table, in: transaction) { raised.append(cascade) }
            }
        }
        return raised.sorted { $0.occurredAt < $1.occurredAt }
    }

    private func cascade(_ key: CascadeKey, counts: [Date: Int], in transaction: any RoutingTransaction) throws -> NewException? {
        guard let baseline = policy.cascadeBaseline(at: key.hour, counts: counts) else { return nil }
        let count = counts[key.hour] ?? 0
        let since = key.hour.addingTimeInterval(-Self.quietHours * 3600)
        guard try !transaction.cascadeRaised(kind: key.kind, source: key.source, since: since) else { return nil }
        return NewException(
            source: key.source, eventID: Self.prefix(key) + ISODate.format(key.hour), kind: .integrationFailure,
            reason: CascadeKey.reason, occurredAt: key.hour,
            text: "\(count) \(key.kind.rawValue) exceptions from \(key.source) in one hour (usually "
                + String(format: "%.1f", baseline) + " at this hour): the source may be dropping or replaying events",
            payload: [
                "cascade_kind": .string(key.kind.rawValue), "count": .number(Double(count)),
                "baseline_per_hour": .number((baseline * 10).rounded() / 10), "hour": .string(ISODate.format(key.hour)),
            ])
    }

    /// How many of `records` fall in each hour of each type and source. Connector failures are escalated one by one
    /// with their occurrence count already; a cascade is about business exceptions arriving far faster than usual.
    private static func counts(_ records: [ExceptionRecord]) -> [CascadeKey: Int] {
        var counts: [CascadeKey: Int] = [:]
        for record in records where record.exception.kind != .integrationFailure {
            counts[key(record.exception), default: 0] += 1
        }
        return counts
    }

    static func prefix(_ key: CascadeKey) -> String { "cascade:\(key.kind.rawValue):" }

    static func key(_ exception: NewException) -> CascadeKey {
        CascadeKey(kind: exception.kind, source: exception.source, at: exception.occurredAt)
    }
}
