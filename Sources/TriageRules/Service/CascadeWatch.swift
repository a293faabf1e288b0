import Foundation
import TriageCore

/// Notices cascades while they happen: an hour in which one source raises far more exceptions of one type than it
/// usually does (a gateway or storefront dropping events) becomes one escalated card, not one card per exception.
struct CascadeWatch {
    let policy: ReviewPolicy
    /// A cascade already raised for the same type and source within this many hours is not raised again.
    static let quietHours = 6.0

    /// Counts `records` into the hourly totals and returns the cascade exceptions to store and route.
    func check(_ records: [ExceptionRecord], in transaction: any RoutingTransaction) throws -> [NewException] {
        var counts: [CascadeKey: Int] = [:]
        // Connector failures are escalated one by one with their occurrence count already; a cascade is about
        // business exceptions arriving far faster than usual.
        for record in records where record.exception.kind != .integrationFailure {
            counts[Self.key(record.exception), default: 0] += 1
        }
        guard !counts.isEmpty else { return [] }
        try transaction.countHourly(counts)
        var raised: [NewException] = []
        let days = Double(policy.cascadeBaselineDays)
        for (pair, keys) in Dictionary(grouping: counts.keys, by: { [$0.kind.rawValue, $0.source] }) {
            let hours = keys.map(\.hour).sorted()
            guard let first = hours.first, let last = hours.last, let kind = keys.first?.kind else { continue }
            // One read per type and source a batch: the hours of the batch and the baseline days before them.
            let table = try transaction.hourlyCounts(
                kind: kind, source: pair[1], from: first.addingTimeInterval(-days * 86_400), to: last.addingTimeInterval(3600))
            for key in keys.sorted(by: { $0.hour < $1.hour }) where raised.allSatisfy({ !$0.eventID.hasPrefix(Self.prefix(key)) }) {
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

    static func prefix(_ key: CascadeKey) -> String { "cascade:\(key.kind.rawValue):" }

    static func key(_ exception: NewException) -> CascadeKey {
        CascadeKey(kind: exception.kind, source: exception.source, at: exception.occurredAt)
    }
}
