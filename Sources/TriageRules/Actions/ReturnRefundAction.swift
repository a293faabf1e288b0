import Foundation
import TriageCore

/// `refund_return`: refunds a return that matches its order and arrived within each product's return window.
///
/// Every returned SKU must be on the order in at least the returned quantity, and the request must arrive
/// within `return_window_days` of delivery (of the order date when there is no delivery date). The refund is
/// the order's unit price × returned quantity; a request for a different amount goes to a person.
public struct ReturnRefundAction: BinaryAction {
    /// Order statuses a refund cannot follow.
    static let closedStatuses: Set<String> = ["cancelled", "refunded", "pending_payment"]

    /// Creates the action.
    public init() {}

    /// `refund_return`.
    public var name: RuleAction { .refundReturn }

    /// Checks items, quantities, the return window and the amount, then plans `refund`.
    public func plan(for record: ExceptionRecord, params: [String: JSONValue], lookup: any ReferenceLookup) throws
        -> ActionOutcome
    {
        guard let number = record.orderNumber else {
            return .needsJudgment(reason: "the exception has no order number")
        }
        guard let order = try lookup.order(number: number) else {
            return .needsJudgment(reason: "order #\(number) is not in the store")
        }
        guard !Self.closedStatuses.contains(order.status) else {
            return .needsJudgment(reason: "order #\(number) is \(order.status); it cannot be refunded")
        }
        let returned: ReturnedItems
        switch ReturnedItems.parse(record.field("items")) {
        case .success(let items): returned = items
        case .failure(let problem): return .needsJudgment(reason: problem.reason)
        }
        if let reason = returned.mismatch(with: order) { return .needsJudgment(reason: reason) }
        if let reason = try lateItem(returned, order: order, record, lookup) { return .needsJudgment(reason: reason) }
        let amount = returned.refund(on: order)
        if let reason = amountMismatch(record, amount: amount, order: order) { return .needsJudgment(reason: reason) }
        return .execute(refundPlan(record, order: order, returned: returned, amount: amount))
    }

    /// The first returned SKU outside its product's return window, as a reason.
    private func lateItem(
        _ returned: ReturnedItems, order: Order, _ record: ExceptionRecord, _ lookup: any ReferenceLookup
    )
        throws -> String?
    {
        let start = order.deliveredAt ?? order.placedAt
        let basis = order.deliveredAt == nil ? "the order date" : "delivery"
        let days = Int((record.exception.occurredAt.timeIntervalSince(start) / 86_400).rounded(.down))
        for sku in returned.skus {
            guard let product = try lookup.product(sku: sku) else { return "product \(sku) is not in the catalogue" }
            if days > product.returnWindowDays {
                return "the return of \(sku) arrived \(days) days after \(basis); its window is "
                    + "\(product.returnWindowDays) days"
            }
        }
        return nil
    }

    private func amountMismatch(_ record: ExceptionRecord, amount: Money, order: Order) -> String? {
        if let currency = record.text("currency"), currency.uppercased() != order.currency.uppercased() {
            return "the request is in \(currency) but order #\(order.orderNumber) is in \(order.currency)"
        }
        switch record.amount("refund_amount") {
        case .unusable(let reason): return "the request's \(reason)"
        case .amount(let requested) where requested != amount:
            return "the request asks for \(requested) but the items cost \(amount) \(order.currency) on the order"
        case .amount, .absent: break
        }
        return nil
    }

    private func refundPlan(_ record: ExceptionRecord, order: Order, returned: ReturnedItems, amount: Money)
        -> ActionPlan
    {
        let number = order.orderNumber
        let whole = returned.coversWholeOrder(order)
        var changes: [StateChange] = [
            .refund(orderNumber: number, amount: amount),
            .returnedItems(orderNumber: number, quantities: returned.quantities),
        ]
        if whole { changes.append(.orderStatus(orderNumber: number, status: "refunded")) }
        let body: JSONValue = [
            "order_number": .string(number), "amount": .string(amount.description),
            "currency": .string(order.currency), "items": returned.json, "whole_order": .bool(whole),
        ]
        return ActionPlan(
            action: "refund", summary: "Refund \(amount) \(order.currency) on order #\(number)",
            parameters: [
                "order_number": .string(number), "amount": .string(amount.description),
                "currency": .string(order.currency), "items": returned.json, "whole_order": .bool(whole),
            ],
            changes: changes,
            messages: [
                record.message("refund.issue", to: "returns_app", action: "refund", payload: body),
                record.message("order.refund", to: "storefront", action: "refund", payload: body),
            ])
    }
}
