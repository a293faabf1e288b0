import Foundation

/// Small statistics the review needs.
public enum Statistics {
    /// The median, nil for no values.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The 95 % Wilson score interval of `successes` out of `trials` (nil for no trials).
    public static func wilson(successes: Int, trials: Int, z: Double = 1.96) -> (low: Double, high: Double)? {
        guard trials > 0 else { return nil }
        let n = Double(trials)
        let p = Double(successes) / n
        let denominator = 1 + z * z / n
        let centre = (p + z * z / (2 * n)) / denominator
        let margin = z * ((p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()) / denominator
        return (max(0, centre - margin), min(1, centre + margin))
    }
}

/// What to change upstream when one resolution dominates a type.
enum UpstreamAdvice {
    static func advice(kind: ExceptionKind, action: String) -> String {
        switch (kind, action) {
        case (.addressHold, _): "validate and normalise the postcode in the checkout"
        case (.paymentDrift, _): "have the storefront consume the gateway's payment webhooks instead of polling"
        case (.inventoryDrift, _): "sync WMS counts to the storefront and ERP on every movement, not nightly"
        case (.returnRequest, "match_order"), (.returnRequest, "refund"):
            "require the order number in the returns form (prefill it from the customer's account)"
        case (.returnRequest, _): "show the return window and eligible items in the returns form before it is sent"
        case (.supplierInvoice, "approve"): "ask suppliers for e-invoices referencing the PO (EDI/Peppol)"
        case (.supplierInvoice, _): "agree price and quantity changes on the PO before the supplier invoices"
        case (.warrantyClaim, "need_info"): "replace the warranty email with a form asking for order, product and problem"
        case (.warrantyClaim, _): "a warranty form that checks the order and product before the claim is sent"
        case (.integrationFailure, _): "fix the connector: add retries, alerting and a dead-letter queue at the source"
        }
    }
}
