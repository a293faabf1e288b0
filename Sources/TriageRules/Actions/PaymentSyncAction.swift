import TriageCore

/// `release_or_cancel_payment`: brings a held order in line with the gateway.
///
/// A captured or authorised payment releases an order waiting for payment; a refused or cancelled one
/// cancels it. Only when the gateway's latest stored payment agrees with the exception, the amounts agree
/// and the order is still waiting; anything else goes to a person with the precise reason.
public struct PaymentSyncAction: BinaryAction {
    /// Order statuses this action may change.
    static let waitingStatuses: Set<String> = ["pending_payment", "on_hold"]
    /// Gateway statuses that release the order.
    static let paidStatuses: Set<String> = ["captured", "authorised", "authorized"]
    /// Gateway statuses that cancel the order.
    static let failedStatuses: Set<String> = ["refused", "cancelled", "canceled"]

    /// Creates the action.
    public init() {}

    /// `release_or_cancel_payment`.
    public var name: RuleAction { .releaseOrCancelPayment }

    /// Checks order, latest payment and amounts, then plans `release_order` or `cancel_order`.
    public func plan(for record: ExceptionRecord, params: [String: JSONValue], lookup: any ReferenceLookup) throws
        -> ActionOutcome
    {
        guard let number = record.orderNumber else {
            return .needsJudgment(reason: "the exception has no order number")
        }
        guard let status = record.text("gateway_status")?.lowercased() else {
            return .needsJudgment(reason: "the exception has no gateway_status")
        }
        guard Self.paidStatuses.contains(status) || Self.failedStatuses.contains(status) else {
            return .needsJudgment(reason: "gateway status \"\(status)\" is neither paid nor refused")
        }
        guard let order = try lookup.orderHeader(number: number) else {
            return .needsJudgment(reason: "order #\(number) is not in the store")
        }
        guard Self.waitingStatuses.contains(order.status) else {
            return .needsJudgment(reason: "order #\(number) is \(order.status), not pending_payment or on_hold")
        }
        guard let payment = try lookup.payments(orderNumber: number).first else {
            return .needsJudgment(reason: "no gateway payment is stored for order #\(number)")
        }
        if let reason = disagreement(record, status: status, payment: payment, order: order) {
            return .needsJudgment(reason: reason)
        }
        let release = Self.paidStatuses.contains(status)
        return .execute(release ? releasePlan(record, order, payment) : cancelPlan(record, order, payment))
    }

    /// Why the stored payment does not back the exception: status, amount, currency or order total.
    private func disagreement(_ record: ExceptionRecord, status: String, payment: Payment, order: Order) -> String? {
        if payment.status.lowercased() != status {
            return "the exception says \(status) but the gateway's latest payment \(payment.paymentID) "
                + "is \(payment.status)"
        }
        switch record.amount("amount") {
        case .unusable(let reason): return "the exception's \(reason)"
        case .amount(let amount) where amount != payment.amount:
            return "amounts differ: the exception says \(amount), payment \(payment.paymentID) is \(payment.amount)"
        case .amount, .absent: break
        }
        if let currency = record.text("currency"), currency.uppercased() != payment.currency.uppercased() {
            return "currencies differ: the exception says \(currency), payment \(payment.paymentID) is "
                + "\(payment.currency)"
        }
        if Self.paidStatuses.contains(status), payment.amount != order.total {
            return "payment \(payment.paymentID) of \(payment.amount) \(payment.currency) does not match "
                + "order #\(order.orderNumber) total \(order.total) \(order.currency)"
        }
        return nil
    }

    private func releasePlan(_ record: ExceptionRecord, _ order: Order, _ payment: Payment) -> ActionPlan {
        plan(
            "release_order", newStatus: "released", message: "order.release", record, order, payment,
            summary: "Release order #\(order.orderNumber): payment \(payment.paymentID) \(payment.status) "
                + "(\(payment.amount) \(payment.currency))")
    }

    private func cancelPlan(_ record: ExceptionRecord, _ order: Order, _ payment: Payment) -> ActionPlan {
        plan(
            "cancel_order", newStatus: "cancelled", message: "order.cancel", record, order, payment,
            summary: "Cancel order #\(order.orderNumber): payment \(payment.paymentID) \(payment.status)")
    }

    private func plan(
        _ action: String, newStatus: String, message: String, _ record: ExceptionRecord, _ order: Order,
        _ payment: Payment, summary: String
    ) -> ActionPlan {
        let body: JSONValue = [
            "order_number": .string(order.orderNumber), "status": .string(newStatus),
            "payment_id": .string(payment.paymentID), "gateway_status": .string(payment.status),
        ]
        return ActionPlan(
            action: action, summary: summary,
            parameters: [
                "order_number": .string(order.orderNumber), "payment_id": .string(payment.paymentID),
                "gateway_status": .string(payment.status), "amount": .string(payment.amount.description),
                "currency": .string(payment.currency), "previous_status": .string(order.status),
            ],
            changes: [.orderStatus(orderNumber: order.orderNumber, status: newStatus)],
            messages: [record.message(message, to: "storefront", action: action, payload: body)])
    }
}
