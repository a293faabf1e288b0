import Foundation
import TriageCore

/// What a warranty email asks for.
enum ClaimAsk {
    case replace, repair, refund
}

/// Writes one warranty email from the claim's facts.
struct WarrantyClaimText {
    let intent: WarrantyIntent
    let ask: ClaimAsk
    let item: CatalogItem
    let order: Order
    let customer: DemoCustomer
    /// The order reference as it appears in the text, if any.
    let reference: String?
    let injection: String?
    let at: Date

    /// Subject and body; an injection attempt, when there is one, closes the body.
    func render(random: inout DemoRandom) -> (subject: String, body: String) {
        let signature = NameVariants.signature(customer, random: &random)
        var (subject, body) =
            intent == .vague
            ? WarrantyTexts.vague(reference: reference, signature: signature, random: &random)
            : WarrantyTexts.render(parts(signature: signature, random: &random), random: &random)
        if let reference, random.chance(0.3) { subject = "Re: \(reference) - \(subject)" }
        if let injection { body += "\n\n" + injection }
        return (subject, body)
    }

    private func parts(signature: String, random: inout DemoRandom) -> WarrantyTexts.Parts {
        let problem =
            intent == .excluded
            ? WarrantyTexts.exclusions[random.below(WarrantyTexts.exclusions.count)]
            : WarrantyTexts.defect(category: item.product.category, random: &random)
        let asks =
            switch ask {
            case .refund: WarrantyTexts.refundAsks
            case .repair: WarrantyTexts.repairAsks
            case .replace: WarrantyTexts.replaceAsks
            }
        return WarrantyTexts.Parts(
            product: random.chance(0.5) ? item.casualName : item.noun, problem: problem,
            ask: asks[random.below(asks.count)], reference: reference,
            when: ReturnTexts.when(order.placedAt, at: at), signature: signature, fullName: customer.customer.name)
    }
}
