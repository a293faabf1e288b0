import Foundation

/// Builds the weekly review from the exception log and the decision log. Pure: the store reads, this counts.
public struct WeeklyReviewBuilder: Sendable {
    /// Weeks of history for the trend (the review's week included): about 30 days.
    public static let trendWeeks = 5
    /// One resolution must reach this share (of at least `upstreamMinCount` decided cards) to be an upstream fix.
    public static let upstreamShare = 0.6
    public static let upstreamMinCount = 5

    let data: FeedbackData
    let rules: [FeedbackData.RuleInfo]
    let policy: ReviewPolicy
    let weekEnd: Date

    private let exceptionsByID: [Int64: FeedbackData.Exception]
    private let cardsByException: [Int64: FeedbackData.Card]
    private let decisionsByCard: [Int64: [FeedbackData.Decision]]
    /// The exceptions of each trend week, the review's week first.
    private let weeks: [[FeedbackData.Exception]]

    /// Creates a builder for the week ending at `weekEnd` (exclusive).
    public init(data: FeedbackData, rules: [FeedbackData.RuleInfo], policy: ReviewPolicy, weekEnd: Date) {
        self.data = data
        self.rules = rules
        self.policy = policy
        self.weekEnd = weekEnd
        exceptionsByID = Dictionary(data.exceptions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        cardsByException = Dictionary(data.cards.map { ($0.exceptionID, $0) }, uniquingKeysWith: { first, _ in first })
        decisionsByCard = Dictionary(grouping: data.decisions, by: \.cardID)
        weeks = (0..<Self.trendWeeks).map { index in
            let end = weekEnd.addingTimeInterval(-Double(index * 7) * 86_400)
            let start = end.addingTimeInterval(-7 * 86_400)
            return data.exceptions.filter { $0.occurredAt >= start && $0.occurredAt < end }
        }
    }

    /// The first instant of the review's window (trend included).
    public static func windowStart(weekEnd: Date) -> Date { weekEnd.addingTimeInterval(-Double(trendWeeks * 7) * 86_400) }

    var weekStart: Date { weekEnd.addingTimeInterval(-7 * 86_400) }

    /// True when trend week `index` (0 = the review's week) ended after the exception log began.
    func logCovers(week index: Int) -> Bool {
        guard let logStart = data.logStart else { return true }
        return weekEnd.addingTimeInterval(-Double(index * 7) * 86_400) > logStart
    }

    /// The review.
    public func build() -> WeeklyReview {
        let thisWeek = weeks[0]
        let types = typeHours()
        return WeeklyReview(
            weekStart: weekStart, weekEnd: weekEnd, types: types,
            automation: automation(thisWeek, kind: nil, types: types),
            automationByType: ExceptionKind.allCases.compactMap { kind in
                let ofKind = thisWeek.filter { $0.kind == kind }
                return ofKind.isEmpty ? nil : automation(ofKind, kind: kind, types: types)
            },
            rules: ruleReviews(thisWeek), ai: aiReviews(thisWeek), decisionTimes: decisionTimes(thisWeek),
            upstream: upstreamFixes(thisWeek, types: types), supplyChain: supplyChain(thisWeek),
            cascades: cascades(), policy: policy)
    }

    private func hours(_ exceptions: [FeedbackData.Exception]) -> (median: Double, hours: Double) {
        let median = Statistics.median(exceptions.compactMap(\.handlingMinutes)) ?? 0
        return (median, Double(exceptions.count) * median / 60)
    }

    func typeHours() -> [WeeklyReview.TypeHours] {
        let weeks = self.weeks.map { Dictionary(grouping: $0, by: \.kind) }
        return ExceptionKind.allCases.compactMap { kind -> WeeklyReview.TypeHours? in
            guard let current = weeks[0][kind], !current.isEmpty else { return nil }
            let (median, hours) = hours(current)
            let trend = weeks.indices.reversed().map { index -> Double? in
                guard logCovers(week: index) else { return nil }
                return self.hours(weeks[index][kind] ?? []).hours
            }
            return WeeklyReview.TypeHours(
                kind: kind, count: current.count, medianMinutes: median, hours: hours,
                previousHours: self.hours(weeks[1][kind] ?? []).hours, trend: trend)
        }.sorted { $0.hours != $1.hours ? $0.hours > $1.hours : $0.kind.rawValue < $1.kind.rawValue }
    }

    private func automation(_ exceptions: [FeedbackData.Exception], kind: ExceptionKind?, types: [WeeklyReview.TypeHours])
        -> WeeklyReview.Automation
    {
        let cards = exceptions.compactMap { cardsByException[$0.id] }
        let auto = cards.filter { $0.status == .autoResolved }
        let medians = Dictionary(uniqueKeysWithValues: types.map { ($0.kind, $0.medianMinutes) })
        let saved = auto.reduce(0.0) { total, card in
            total + (exceptionsByID[card.exceptionID].flatMap { medians[$0.kind] } ?? 0) / 60
        }
        return WeeklyReview.Automation(
            kind: kind, cards: cards.count, autoResolved: auto.count,
            rate: cards.isEmpty ? 0 : Double(auto.count) / Double(cards.count), hoursSaved: saved)
    }

    /// Reviewer decisions on a card.
    private func reviewerDecisions(_ card: FeedbackData.Card) -> [FeedbackData.Decision] {
        (decisionsByCard[card.id] ?? []).filter { $0.actorKind == "reviewer" }
    }

    func ruleReviews(_ thisWeek: [FeedbackData.Exception]) -> [WeeklyReview.RuleReview] {
        let weekCards = thisWeek.compactMap { cardsByException[$0.id] }
        return rules.map { rule in
            let fired = weekCards.filter { $0.ruleID == rule.id }.count
            let judged = data.cards.filter { $0.ruleID == rule.id && $0.ruleAction != nil }
                .flatMap { card in reviewerDecisions(card).map { (card, $0) } }
            let agreed = judged.filter { $0.1.action == $0.0.ruleAction }
            let interval = Statistics.wilson(successes: agreed.count, trials: judged.count)
            let disagreements = judged.filter { $0.1.action != $0.0.ruleAction }
                .sorted { $0.1.decidedAt > $1.1.decidedAt }.prefix(20)
                .map { WeeklyReview.Disagreement(cardID: $0.0.id, reviewerAction: $0.1.action) }
            let (promotion, promote) = promotion(rule, reviewed: judged.count, low: interval?.low)
            return WeeklyReview.RuleReview(
                ruleID: rule.id, mode: rule.mode, action: rule.action, fired: fired, reviewed: judged.count,
                agreed: agreed.count, agreement: judged.isEmpty ? nil : Double(agreed.count) / Double(judged.count),
                intervalLow: interval?.low, intervalHigh: interval?.high, disagreements: Array(disagreements),
                promotion: promotion, promote: promote)
        }
    }

    private func promotion(_ rule: FeedbackData.RuleInfo, reviewed: Int, low: Double?) -> (String?, Bool) {
        let next: String
        switch rule.mode {
        case .shadow?: next = "gated"
        case .gated?: next = "auto"
        default: return (nil, false)
        }
        guard reviewed >= policy.promotionMinDecisions, let low else {
            return ("keep \(rule.mode?.rawValue ?? ""): \(reviewed) of \(policy.promotionMinDecisions) decisions needed", false)
        }
        let needed = String(format: "%.0f %%", policy.promotionMinAgreement * 100)
        guard low >= policy.promotionMinAgreement else {
            return (String(format: "keep %@: agreement's lower bound %.1f %% is below %@", rule.mode?.rawValue ?? "", low * 100, needed), false)
        }
        return (String(format: "promote to %@: %d decisions, agreement's lower bound %.1f %% ≥ %@", next, reviewed, low * 100, needed), true)
    }

    func aiReviews(_ thisWeek: [FeedbackData.Exception]) -> [WeeklyReview.AIReview] {
        let cards = thisWeek.compactMap { cardsByException[$0.id] }.filter { $0.aiTask != nil && $0.aiAction != nil }
        return AITask.allCases.compactMap { task in
            let decided = cards.filter { $0.aiTask == task }.compactMap { card in reviewerDecisions(card).last.map { (card, $0) } }
            guard !decided.isEmpty else { return nil }
            let verdict = { (pair: (FeedbackData.Card, FeedbackData.Decision)) -> String in
                if pair.1.action == "reject" { return "rejected" }
                return !pair.1.edited && pair.1.action == pair.0.aiAction ? "accepted" : "edited"
            }
            let buckets = Confidence.allCases.reversed().map { confidence in
                let inBucket = decided.filter { $0.0.confidence == confidence }
                let accepted = inBucket.filter { verdict($0) == "accepted" }.count
                return WeeklyReview.ConfidenceBucket(
                    confidence: confidence, decided: inBucket.count, accepted: accepted,
                    rate: inBucket.isEmpty ? nil : Double(accepted) / Double(inBucket.count))
            }
            return WeeklyReview.AIReview(
                task: task, decided: decided.count, accepted: decided.filter { verdict($0) == "accepted" }.count,
                edited: decided.filter { verdict($0) == "edited" }.count,
                rejected: decided.filter { verdict($0) == "rejected" }.count, byConfidence: buckets)
        }
    }

    func decisionTimes(_ thisWeek: [FeedbackData.Exception]) -> WeeklyReview.DecisionTimes {
        let cards = thisWeek.compactMap { cardsByException[$0.id] }
        let timed = cards.flatMap { card in reviewerDecisions(card).compactMap { $0.secondsToDecide.map { (card, $0) } } }
        let with = timed.filter { $0.0.aiAction != nil }.map(\.1)
        let without = timed.filter { $0.0.aiAction == nil }.map(\.1)
        return WeeklyReview.DecisionTimes(
            withSuggestion: Statistics.median(with), withSuggestionCount: with.count,
            withoutSuggestion: Statistics.median(without), withoutSuggestionCount: without.count)
    }

    func upstreamFixes(_ thisWeek: [FeedbackData.Exception], types: [WeeklyReview.TypeHours]) -> [WeeklyReview.UpstreamFix] {
        let hours = Dictionary(uniqueKeysWithValues: types.map { ($0.kind, $0.hours) })
        return ExceptionKind.allCases.compactMap { kind -> WeeklyReview.UpstreamFix? in
            let finals = thisWeek.filter { $0.kind == kind }.compactMap { cardsByException[$0.id] }
                .compactMap { decisionsByCard[$0.id]?.last?.action }.filter { $0 != "reject" }
            let counts = Dictionary(grouping: finals, by: { $0 }).mapValues(\.count)
            guard let (action, count) = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }),
                count >= Self.upstreamMinCount, Double(count) / Double(finals.count) >= Self.upstreamShare
            else { return nil }
            return WeeklyReview.UpstreamFix(
                kind: kind, action: action, share: Double(count) / Double(finals.count), count: count,
                hoursPerWeek: hours[kind] ?? 0, advice: UpstreamAdvice.advice(kind: kind, action: action))
        }.sorted { $0.hoursPerWeek > $1.hoursPerWeek }
    }

    func supplyChain(_ thisWeek: [FeedbackData.Exception]) -> [WeeklyReview.SupplyChainRow] {
        ExceptionKind.allCases.compactMap { kind -> WeeklyReview.SupplyChainRow? in
            let ofKind = thisWeek.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { return nil }
            let cards = ofKind.compactMap { cardsByException[$0.id] }
            return WeeklyReview.SupplyChainRow(
                kind: kind, sources: Array(Set(ofKind.map(\.source))).sorted(),
                decision: Self.mostCommon(cards.map(\.decisionType.rawValue)).flatMap(DecisionType.init(rawValue:)), resolver: resolver(cards),
                routing: routing(kind))
        }
    }

    private func resolver(_ cards: [FeedbackData.Card]) -> String {
        let deciders = cards.compactMap { card -> String? in
            guard let decision = decisionsByCard[card.id]?.last else { return nil }
            if decision.actorKind == "rule" { return "automation (\(decision.actor))" }
            return "\(data.teams[decision.actor] ?? card.team) reviewer"
        }
        if let most = Self.mostCommon(deciders) { return most }
        return cards.first.map { "\($0.team) (undecided)" } ?? "nobody"
    }

    private func routing(_ kind: ExceptionKind) -> String {
        let modes = rules.filter { $0.kinds.contains(kind) || $0.kinds.isEmpty }.compactMap(\.mode)
        for mode in [RuleMode.auto, .gated, .shadow] where modes.contains(mode) { return "rule in \(mode.rawValue)" }
        if rules.contains(where: { $0.kinds.contains(kind) && $0.action == "queue_ai" }) { return "AI worker pre-fills, a person decides" }
        if rules.contains(where: { $0.kinds.contains(kind) && $0.action == "escalate" }) { return "rule escalates to engineering" }
        return "none: a person decides"
    }

    func cascades() -> [WeeklyReview.Cascade] {
        let ordinary = data.exceptions.filter { $0.kind != .integrationFailure }
        let hours = Dictionary(grouping: ordinary, by: { CascadeKey(kind: $0.kind, source: $0.source, at: $0.occurredAt) })
            .mapValues(\.count)
        let bySource = Dictionary(grouping: hours, by: { [$0.key.kind.rawValue, $0.key.source] })
            .mapValues { pairs in Dictionary(uniqueKeysWithValues: pairs.map { ($0.key.hour, $0.value) }) }
        let raised = data.exceptions.filter { $0.reason == CascadeKey.reason }
        return hours.keys.filter { $0.hour >= weekStart && $0.hour < weekEnd }.compactMap { key -> WeeklyReview.Cascade? in
            let counts = bySource[[key.kind.rawValue, key.source]] ?? [:]
            guard let baseline = policy.cascadeBaseline(at: key.hour, counts: counts) else { return nil }
            let cards = raised.filter {
                $0.source == key.source && abs(CascadeKey(kind: key.kind, source: $0.source, at: $0.occurredAt).hour
                    .timeIntervalSince(key.hour)) <= 6 * 3600
            }.compactMap { cardsByException[$0.id]?.id }
            return WeeklyReview.Cascade(
                kind: key.kind, source: key.source, hour: key.hour, count: counts[key.hour] ?? 0, baselinePerHour: baseline,
                cardIDs: cards)
        }.sorted { $0.hour < $1.hour }
    }

    static func mostCommon<T: Hashable & Comparable>(_ values: [T]) -> T? {
        Dictionary(grouping: values, by: { $0 }).max { $0.value.count != $1.value.count ? $0.value.count < $1.value.count : $0.key > $1.key }?.key
    }
}
