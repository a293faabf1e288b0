import Foundation
import TriageCore

/// `refunds/create`: a refund whose money did not move, or moved in a different amount than the refunded items
/// are worth with nothing on the refund explaining the difference.
extension ShopifyEvent {
    /// Transaction statuses that mean the gateway did not pay the refund out.
    static let failedStatuses: Set<String> = ["failure", "error"]

    func refund(_ refund: ShopifyPayload.Refund) -> ShopEventOutcome {
        let transactions = (refund.transactions ?? []).filter { $0.kind == "refund" }
        let failed = transactions.filter { Self.failedStatuses.contains($0.status ?? "") }
        let name = "refund \(refund.id) on Shopify order \(refund.orderId)"
        if !failed.isEmpty {
            let codes = failed.map { $0.errorCode ?? $0.status ?? "failure" }
            return .exception(
                refundException(
                    refund, reason: "refund_failed", extra: ["refund_errors": .array(codes.map(JSONValue.string))]))
        }
        if transactions.contains(where: { $0.status == "pending" }) {
            return .notAnException("\(name) is still pending at the gateway: its result arrives as its own event")
        }
        guard let items = refund.itemsValue else {
            return .notAnException("\(name) refunds no items (an amount-only refund): nothing to reconcile")
        }
        guard refund.orderAdjustments?.isEmpty ?? true else {
            return .notAnException("\(name) records order adjustments for the difference: nothing to reconcile")
        }
        let paid = refund.settled(transactions)
        guard paid != items else { return .notAnException("\(name) paid \(paid) for items worth \(items): settled") }
        return .exception(refundException(refund, reason: "refund_amount_mismatch", extra: [:]))
    }

    /// A payment-drift exception for finance, with what was refunded and what moved.
    private func refundException(_ refund: ShopifyPayload.Refund, reason: String, extra: [String: JSONValue])
        -> NewException
    {
        let transactions = (refund.transactions ?? []).filter { $0.kind == "refund" }
        var payload = extra.merging([
            "refund_id": .id(refund.id), "shopify_order_id": .id(refund.orderId),
            "items_amount": .optional(refund.itemsValue?.description),
            "refunded_amount": .string(refund.settled(transactions).description),
            "currency": .optional(refund.currency),
            "refunded_lines": .number(Double(refund.refundLineItems?.count ?? 0)),
        ]) { first, _ in first }
        payload["gateway"] = .optional(transactions.first?.gateway)
        // Shopify's refund names its order only by the numeric id, not the "#1001" order number Triage stores.
        return exception(
            .paymentDrift, reason: reason, at: refund.createdAt, orderNumber: nil, text: refund.note, payload: payload)
    }
}

extension ShopifyPayload.Refund {
    /// What the refunded items and shipping are worth (subtotal plus tax); nil when no items were refunded.
    var itemsValue: Money? {
        guard let lines = refundLineItems, !lines.isEmpty else { return nil }
        let items = lines.reduce(Money.zero) { sum, line in
            sum + (line.subtotalSet?.money ?? .zero) + (line.totalTaxSet?.money ?? .zero)
        }
        return (refundShippingLines ?? []).reduce(items) { $0 + ($1.subtotalAmountSet?.money ?? .zero) }
    }

    /// The money refund transactions paid out successfully.
    func settled(_ transactions: [Transaction]) -> Money {
        transactions.filter { $0.status == "success" }.reduce(Money.zero) {
            $0 + ($1.amount.flatMap(Money.init) ?? .zero)
        }
    }

    /// The shop currency, from a transaction or the refunded lines.
    var currency: String? {
        transactions?.lazy.compactMap(\.currency).first
            ?? refundLineItems?.lazy.compactMap { $0.subtotalSet?.shopMoney.currencyCode }.first
    }
}
