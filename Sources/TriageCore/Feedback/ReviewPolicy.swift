import Foundation

/// The thresholds of the weekly review, set in the rules file's `review:` section.
public struct ReviewPolicy: Sendable, Hashable, Codable {
    /// Reviewer decisions a shadow or gated rule needs before a promotion is suggested.
    public var promotionMinDecisions: Int
    /// The agreement the lower end of the 95 % interval must reach for a promotion.
    public var promotionMinAgreement: Double
    /// An hour needs at least this many exceptions of one type from one source to be a cascade.
    public var cascadeMinPerHour: Int
    /// …and at least this many times the usual count at that hour of the day for that type and source.
    public var cascadeFactor: Double
    /// Days of history the usual count is averaged over (the same hour on each previous day).
    public var cascadeBaselineDays: Int

    /// Creates a policy; the defaults are what `rules.yaml` ships.
    public init(
        promotionMinDecisions: Int = 100, promotionMinAgreement: Double = 0.95, cascadeMinPerHour: Int = 20,
        cascadeFactor: Double = 5, cascadeBaselineDays: Int = 7
    ) {
        self.promotionMinDecisions = promotionMinDecisions
        self.promotionMinAgreement = promotionMinAgreement
        self.cascadeMinPerHour = cascadeMinPerHour
        self.cascadeFactor = cascadeFactor
        self.cascadeBaselineDays = cascadeBaselineDays
    }
}

extension ReviewPolicy {
    /// The usual count at `hour` when the count there makes a cascade, else nil. `counts` holds one type from one
    /// source by hour. A cascade needs at least `cascadeMinPerHour`, history older than a day within the baseline
    /// days (a first busy hour is a new feed, not a cascade), and `cascadeFactor` times the usual count. The
    /// usual count is this hour of the day on the previous days that had any: exceptions follow the working day,
    /// so a busy morning is not a cascade for being busier than the night.
    public func cascadeBaseline(at hour: Date, counts: [Date: Int]) -> Double? {
        let count = counts[hour] ?? 0
        guard count >= cascadeMinPerHour else { return nil }
        let windowStart = hour.addingTimeInterval(-Double(cascadeBaselineDays) * 86_400)
        let dayAgo = hour.addingTimeInterval(-86_400)
        guard counts.contains(where: { $0.key >= windowStart && $0.key < dayAgo && $0.value > 0 }) else { return nil }
        let seen = (1...cascadeBaselineDays).compactMap { day -> Int? in
            let same = counts[hour.addingTimeInterval(-Double(day) * 86_400)] ?? 0
            return same > 0 ? same : nil
        }
        let usual = seen.isEmpty ? 0 : Double(seen.reduce(0, +)) / Double(seen.count)
        return Double(count) >= cascadeFactor * max(usual, 1) ? usual : nil
    }
}
