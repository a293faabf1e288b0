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
    /// The lead over the runner-up that makes a match a clear leader (and leaves the model nothing to choose).
    static let clearLeadMargin = 0.15
    /// A match is high confidence only from this score on (with ``highConfidenceMargin`` and
    /// ``highConfidenceSupports``).
    static let highConfidenceScore = 0.6
    /// The lead over the runner-up a high-confidence match needs.
    static let highConfidenceMargin = 0.25
    /// The independent kinds of evidence a high-confidence match needs.
    static let highConfidenceSupports = 3
    /// A "no match" is medium confidence only when no candidate scored this much (all far below the threshold).
    static let plausibleScore = 0.25
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
    /// True when the match leads the runner-up by ``clearLeadMargin``: the model cannot change it.
    let clearLead: Bool
    /// True when no offered order reaches ``plausibleScore``: a "no match" the model cannot change.
    let nothingPlausible: Bool
    let confidence: Confidence

    init(ranked: [ScoredOrder], writtenForSomeone: Bool = false, goodsNamed: Bool = false) {
        offered = Array(ranked.filter { $0.ruledOut == nil && $0.score >= Self.floor }.prefix(Self.topK))
        // Orders ruled out, and orders a doubt pushed below the floor: the card lists them with the fact that
        // did not fit, so a reviewer sees the order a misread fact hid.
        ruledOut = Array(ranked.filter { order in
            order.ruledOut != nil && order.score >= Self.floor
                || order.doubt != nil && order.score < Self.floor && order.score + Signals.doubtPenalty >= Self.floor
        }.prefix(Self.ruledOutShown))
        let top = offered.first
        let margin = (top?.score ?? 0) - (offered.dropFirst().first?.score ?? 0)
        // A name alone names no order: the customer may have bought other things; a second kind of evidence
        // (the goods, the place, the date, the amount, the contact) must fit too. Nor do goods, place and amount
        // without the customer: another customer may have bought the same things; the order is offered, not named,
        // unless the writer says they write for someone they do not name ("my wife ordered …"). And where the
        // message names goods (they fit some candidate, or were found in the catalogue), they must be on it: the
        // right customer's order holding none of them is another purchase.
        let goodsNamed = goodsNamed || ranked.contains(where: \.goodsFit)
        chosen = top.flatMap { top in
            top.score >= Self.matchThreshold && top.supports >= 2 && (top.identified || writtenForSomeone)
                && (top.goodsFit || !goodsNamed) ? top : nil
        }
        clearLead = chosen != nil && margin >= Self.clearLeadMargin
        nothingPlausible = (top?.score ?? 0) < Self.plausibleScore
        if let chosen {
            confidence = Self.matchConfidence(chosen, margin: margin, clearLead: clearLead)
        } else {
            // "I found nothing to match" is never high: nothing offered may be a parser that missed the customer
            // (low); only weak candidates all far below the threshold make a no-match answer medium.
            confidence = top != nil && nothingPlausible ? .medium : .low
        }
    }

    /// High for a strong leader far ahead with several kinds of support; medium for a clear lead; else low.
    private static func matchConfidence(_ chosen: ScoredOrder, margin: Double, clearLead: Bool) -> Confidence {
        if chosen.doubt != nil { return .low }
        let strong = chosen.score >= highConfidenceScore && margin >= highConfidenceMargin
            && chosen.supports >= highConfidenceSupports
        return strong ? .high : clearLead ? .medium : .low
    }

    /// Candidates close enough to the leader that the model may choose between them.
    var contenders: [ScoredOrder] {
        guard let chosen, !clearLead else { return [] }
        return offered.filter { $0.score >= Self.matchThreshold && chosen.score - $0.score < Self.clearLeadMargin }
    }
}
