import Foundation

/// The card an exception is on: the card routing wrote for it, or the card it joined (a later event about the same
/// order and cause).
public struct RoutedCard: Sendable, Hashable {
    /// The card.
    public var card: StoredCard
    /// True when the exception joined `card` instead of getting one of its own.
    public var joined: Bool

    /// Creates the pair.
    public init(card: StoredCard, joined: Bool) {
        self.card = card
        self.joined = joined
    }
}

/// One exception kind's rows in a period, as the report counts them: each exception's handling minutes, and its cards
/// by decision type and status.
public struct ReportInputs: Sendable, Hashable {
    /// Handling minutes of each exception in the period, by kind (the raw value; 0 when not recorded).
    public var minutesByKind: [String: [Double]]
    /// Cards of exceptions in the period, counted by kind, decision type and status.
    public var cardCounts: [CardCount]

    /// How many cards share a kind, decision type and status.
    public struct CardCount: Sendable, Hashable {
        public var kind: String
        public var decisionType: String
        public var status: String
        public var count: Int

        /// Creates a count.
        public init(kind: String, decisionType: String, status: String, count: Int) {
            (self.kind, self.decisionType, self.status, self.count) = (kind, decisionType, status, count)
        }
    }

    /// Creates the inputs.
    public init(minutesByKind: [String: [Double]], cardCounts: [CardCount]) {
        self.minutesByKind = minutesByKind
        self.cardCounts = cardCounts
    }
}

/// What `triage rules explain` and `triage report` read from the exception log, on every store. The figures are
/// computed once, in ``ExceptionReport/init(from:to:inputs:)``; the stores only read rows.
public protocol ExceptionLogReading: Sendable {
    /// The stored exception with this id.
    func exceptionRecord(id: Int64) async throws -> ExceptionRecord?
    /// The card the exception is on, its own or the one it joined; nil before it is routed.
    func routedCard(exceptionID: Int64) async throws -> RoutedCard?
    /// The first and last `occurred_at` of the log; nil when it is empty.
    func exceptionTimeSpan() async throws -> DateInterval?
    /// The exceptions that occurred in `[from, to)` and their cards, as the report counts them.
    func reportInputs(from: Date, to: Date) async throws -> ReportInputs
}

extension ExceptionLogReading {
    /// The report over `[from, to)`.
    public func exceptionReport(from: Date, to: Date) async throws -> ExceptionReport {
        ExceptionReport(from: from, to: to, inputs: try await reportInputs(from: from, to: to))
    }
}

extension ExceptionReport {
    /// Ranks exception types in `[from, to)` by frequency × median handling time.
    public init(from: Date, to: Date, inputs: ReportInputs) {
        let weeks = max(to.timeIntervalSince(from) / (7 * 86_400), 1.0 / 7)
        let total = inputs.minutesByKind.values.reduce(0) { $0 + $1.count }
        let rows = inputs.minutesByKind.compactMap { kindText, minutes -> KindReportRow? in
            guard let kind = ExceptionKind(rawValue: kindText) else { return nil }
            let cards = inputs.cardCounts.filter { $0.kind == kindText }
            return Self.row(kind: kind, minutes: minutes, cards: cards, total: total, weeks: weeks)
        }
        self.init(from: from, to: to, total: total, rows: rows)
    }

    private static func row(
        kind: ExceptionKind, minutes: [Double], cards: [ReportInputs.CardCount], total: Int, weeks: Double
    ) -> KindReportRow {
        let median = Statistics.median(minutes) ?? 0
        var byDecision: [String: Int] = [:]
        var autoResolved = 0
        for card in cards {
            byDecision[card.decisionType, default: 0] += card.count
            if card.status == CardStatus.autoResolved.rawValue { autoResolved += card.count }
        }
        let decision = byDecision.max { ($0.value, $1.key) < ($1.value, $0.key) }.flatMap {
            DecisionType(rawValue: $0.key)
        }
        return KindReportRow(
            kind: kind, count: minutes.count, share: total == 0 ? 0 : Double(minutes.count) / Double(total),
            medianMinutes: median, hoursPerWeek: Double(minutes.count) / weeks * median / 60,
            decisionType: decision, autoResolvedShare: minutes.isEmpty ? 0 : Double(autoResolved) / Double(minutes.count))
    }
}
