import TriageCore
import Yams

extension RulesParser {
    /// `review:` — thresholds of the weekly review:
    /// `promotion: {min_decisions, min_agreement}` and `cascade: {min_per_hour, factor, baseline_days}`.
    mutating func parseReview(_ node: Node?) -> ReviewPolicy {
        var policy = ReviewPolicy()
        guard let node else { return policy }
        guard let mapping = node.mapping else {
            add(at: node.mark, "review must be a mapping with promotion and cascade")
            return policy
        }
        checkKeys(mapping, allowed: ["promotion", "cascade"], in: "review")
        if let promotion = section(mapping["promotion"], allowed: ["min_decisions", "min_agreement"], in: "review.promotion") {
            policy.promotionMinDecisions = count(promotion["min_decisions"], "min_decisions") ?? policy.promotionMinDecisions
            policy.promotionMinAgreement = share(promotion["min_agreement"], "min_agreement") ?? policy.promotionMinAgreement
        }
        if let cascade = section(mapping["cascade"], allowed: ["min_per_hour", "factor", "baseline_days"], in: "review.cascade") {
            policy.cascadeMinPerHour = count(cascade["min_per_hour"], "min_per_hour") ?? policy.cascadeMinPerHour
            policy.cascadeBaselineDays = count(cascade["baseline_days"], "baseline_days") ?? policy.cascadeBaselineDays
            if let node = cascade["factor"] {
                if let factor = Double(node.scalar?.string ?? ""), factor >= 1 {
                    policy.cascadeFactor = factor
                } else {
                    add(at: node.mark, "factor must be a number of at least 1", in: "review.cascade")
                }
            }
        }
        return policy
    }

    private mutating func section(_ node: Node?, allowed: [String], in context: String) -> Node.Mapping? {
        guard let node else { return nil }
        guard let mapping = node.mapping else {
            add(at: node.mark, "expected a mapping with \(allowed.joined(separator: ", "))", in: context)
            return nil
        }
        checkKeys(mapping, allowed: allowed, in: context)
        return mapping
    }

    private mutating func count(_ node: Node?, _ name: String) -> Int? {
        guard let node else { return nil }
        guard let value = integer(node), value > 0 else {
            add(at: node.mark, "\(name) must be a whole number above 0", in: "review")
            return nil
        }
        return value
    }

    private mutating func share(_ node: Node?, _ name: String) -> Double? {
        guard let node else { return nil }
        guard let value = Double(node.scalar?.string ?? ""), value > 0, value <= 1 else {
            add(at: node.mark, "\(name) must be a share between 0 and 1 (e.g. 0.95)", in: "review")
            return nil
        }
        return value
    }
}
