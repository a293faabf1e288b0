import Foundation
import TriageCore

/// The deterministic verdict on ranked candidates: which order, if any, and how sure.
///
/// Only orders consistent with everything the request says compete; confidence comes from the checks passed:
/// high needs a clear leader that several independent kinds of evidence support.
struct ReturnDecision: Sendable {
    /// Below this score an order is not offered at all.
    static let floor = 0.15
    /// The lowest score that names an order.
    static let matchThreshold = 0.3
    /// The lead over the runner-up that makes the answer decisive.
    static let decisiveMargin = 0.15
    /// How many candidates a card (and the model) sees.
    static let topK = 5
    /// How many ruled-out orders the card lists, with the fact that ruled each out.
    static let ruledOutShown = 2

    /// The offered candidates (consistent with the request), best first.
    let offered: [ScoredOrder]
    /// The best orders the evidence ruled out, for the card.
    let ruledOut: [ScoredOrder]
    /// The matched order, nil for "no match".
    let chosen: ScoredOrder?
    /// True when the model cannot change the answer: one clear leader, or nothing plausible.
    let decisive: Bool
    let confidence: Confidence

    init(ranked: [ScoredOrder]) {
        offered = Array(ranked.filter { $0.ruledOut == nil && $0.score >= Self.floor }.prefix(Self.topK))
        ruledOut = Array(ranked.filter { $0.ruledOut != nil && $0.score >= Self.floor }.prefix(Self.ruledOutShown))
        let top = offered.first
        let margin = (top?.score ?? 0) - (offered.dropFirst().first?.score ?? 0)
        if let top, top.score >= Self.matchThreshold {
            chosen = top
            decisive = margin >= Self.decisiveMargin
            confidence = top.score >= 0.6 && margin >= 0.25 && top.supports >= 3 ? .high : decisive ? .medium : .low
        } else {
            // "I found nothing to match" is never high: nothing offered may be a parser that missed the customer
            // (low); only weak candidates all far below the threshold make a no-match answer medium.
            chosen = nil
            decisive = (top?.score ?? 0) < 0.25
            confidence = top != nil && decisive ? .medium : .low
        }
    }

    /// Candidates close enough to the leader that the model may choose between them.
    var contenders: [ScoredOrder] {
        guard let chosen, !decisive else { return [] }
        return offered.filter { $0.score >= Self.matchThreshold && chosen.score - $0.score < Self.decisiveMargin }
    }
}
