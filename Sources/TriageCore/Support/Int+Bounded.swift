extension Int {
    /// The largest magnitude ``init(bounded:)`` accepts: quantities and counts, not identifiers.
    public static let boundedLimit = 1_000_000_000_000_000

    /// `value` rounded toward zero, when it is finite and within ±``boundedLimit``; nil otherwise, where
    /// `Int(_:)` would trap.
    public init?(bounded value: Double) {
        guard value.isFinite, value.magnitude < Double(Int.boundedLimit) else { return nil }
        self.init(value.rounded(.towardZero))
    }
}
