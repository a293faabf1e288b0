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
