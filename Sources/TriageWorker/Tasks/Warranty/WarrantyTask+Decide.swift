import Foundation
import TriageCore

extension WarrantyTask {
    /// The contract's rules in order: need_info, deny, refund, repair, replace — bounded by the policy check.
    func decide(_ claim: WarrantyClaim, tie: Tie?, received: Date) async throws -> Suggestion {
        var suggestion = Suggestion(
            task: .warranty, action: "need_info", parameters: parameters(claim, tie: tie), confidence: .medium)
        guard let tie else {
            suggestion.notes.append(claim.orderRef.map { "order \($0) not found" } ?? "no single order can be tied to the sender")
            return suggestion
        }
        suggestion.candidates = [candidate(tie)]
        suggestion.notes.append("tied by \(tie.how)")
        guard let line = tie.line, claim.problemStated else {
            suggestion.notes.append(tie.line == nil ? "product not stated" : "problem not stated")
            // Asking for information rests on something not read, which a missed phrasing looks the same as.
            suggestion.confidence = .medium
            return suggestion
        }
        guard let product = try await reference.product(sku: line.sku) else {
            suggestion.action = claim.claimType == "defect" ? claim.ask : "deny"
            suggestion.notes.append("product \(line.sku) unknown: policy not checked")
            suggestion.confidence = .low
            return suggestion
        }
        let policy = WarrantyPolicyCheck(order: tie.order, product: product, claimAt: received)
        suggestion.notes.append(policy.note)
        suggestion.parameters["warranty_until"] = .string(ISODate.formatDay(policy.warrantyEnd))
        suggestion.action = action(claim, policy: policy, suggestion: &suggestion)
        if let circumstance = claim.circumstance {
            suggestion.notes.append("the message says how it happened (\"\(circumstance)\"): check it is not an excluded cause")
        }
        if claim.problemInferred { suggestion.notes.append("problem read from a general complaint (\"\(claim.issue ?? "")\")") }
        suggestion.confidence = tie.how.hasPrefix("order reference") && claim.circumstance == nil && !claim.problemInferred
            ? .high : .medium
        return suggestion
    }

    private func action(_ claim: WarrantyClaim, policy: WarrantyPolicyCheck, suggestion: inout Suggestion) -> String {
        if !policy.withinWarranty { suggestion.flags.append("policy_check_failed") }
        if claim.claimType != "defect" {
            suggestion.notes.append("excluded cause (\(claim.claimType))")
            return "deny"
        }
        guard policy.withinWarranty else { return "deny" }
        if claim.asksRefund {
            guard policy.withinReturnWindow else {
                suggestion.notes.append("refund asked outside the return window: offered \(claim.asksRepair ? "repair" : "replacement")")
                return claim.asksRepair ? "repair" : "replace"
            }
            return "refund"
        }
        return claim.asksRepair ? "repair" : "replace"
    }

    private func parameters(_ claim: WarrantyClaim, tie: Tie?) -> [String: JSONValue] {
        [
            "order_number": tie.map { .string($0.order.orderNumber) } ?? .null,
            "order_ref": claim.orderRef.map(JSONValue.string) ?? .null,
            "issue": claim.issue.map { .string(String($0.prefix(80))) } ?? .null,
            "claim_type": .string(claim.claimType), "asks": .string(claim.ask),
            "sku": tie?.line.map { .string($0.sku) } ?? .null,
        ]
    }

    private func candidate(_ tie: Tie) -> CandidateEvidence {
        let order = tie.order
        let label = "\(order.orderNumber) · \(order.customer.name) · \(ISODate.formatDay(order.placedAt))"
        return CandidateEvidence(id: order.orderID, label: label, score: 1, reasons: [tie.how])
    }
}
