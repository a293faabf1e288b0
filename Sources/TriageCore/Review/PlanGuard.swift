import Foundation

/// What an order stands at now: what was refunded and which items came back. The store answers inside the
/// transaction that executes a decision, so the answer cannot change before the plan runs.
public protocol OrderLedger {
    /// The money refunded on an order so far.
    func refunded(orderNumber: String) throws -> Money
    /// The quantity returned per SKU on an order so far.
    func returnedQuantities(orderNumber: String) throws -> [String: Int]
}

/// Why a plan no longer fits the data it would change.
public struct PlanConflict: Sendable, Hashable {
    /// The parameter it is about: `amount`, `items` or `order_number`.
    public var field: String
    /// What changed since the plan was made, for a person.
    public var reason: String

    /// Creates a conflict.
    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }
}

/// Re-checks a plan against the data as it is now, in the transaction that would execute it. A card's plan is made
/// when its exception arrives; by the time a reviewer accepts it another card may have refunded the order,
/// taken the items back or synced the payment.
public struct PlanGuard {
    /// What the guard reads.
    public typealias Facts = ReferenceLookup & OrderLedger

    /// Order statuses a payment sync may still change.
    static let awaitingPayment: Set<String> = ["pending_payment", "on_hold"]
    /// Order statuses an address fix may still release.
    static let heldForAddress: Set<String> = ["address_hold", "on_hold"]
    /// Order statuses a refund cannot follow.
    static let unrefundable: Set<String> = ["cancelled", "pending_payment"]

    private let facts: any Facts

    /// Creates a guard reading `facts`.
    public init(facts: any Facts) { self.facts = facts }

    /// The first change of `plan` the current data no longer allows, or nil when the plan may run.
    public func conflict(with plan: ActionPlan) throws -> PlanConflict? {
        for change in plan.changes {
            if let conflict = try check(change, action: plan.action) { return conflict }
        }
        return nil
    }

    private func check(_ change: StateChange, action: String) throws -> PlanConflict? {
        switch change {
        case .refund(let number, let amount): return try refund(amount, on: number)
        case .returnedItems(let number, let quantities): return try returned(quantities, on: number)
        case .orderStatus(let number, _): return try status(of: number, for: action)
        case .orderPostcode, .inventoryCount: return nil
        }
    }

    /// Refunded so far plus this refund must not exceed what was paid.
    private func refund(_ amount: Money, on number: String) throws -> PlanConflict? {
        guard let order = try facts.orderHeader(number: number) else { return Self.missing(number) }
        let refunded = try facts.refunded(orderNumber: number)
        guard refunded + amount <= order.total else {
            return PlanConflict(
                field: "amount",
                reason: "order #\(number) has \(refunded) \(order.currency) refunded of \(order.total) paid; "
                    + "refunding \(amount) more would exceed what was paid")
        }
        guard !Self.unrefundable.contains(order.status) else {
            return PlanConflict(field: "order_number", reason: "order #\(number) is \(order.status); it cannot be refunded")
        }
        return nil
    }

    /// Each returned SKU: returned so far plus this return must not exceed what was ordered.
    private func returned(_ quantities: [String: Int], on number: String) throws -> PlanConflict? {
        guard let order = try facts.order(number: number) else { return Self.missing(number) }
        let before = try facts.returnedQuantities(orderNumber: number)
        for sku in quantities.keys.sorted() {
            let ordered = order.lines.reduce(0) { $0 + ($1.sku == sku ? $1.qty : 0) }
            let already = before[sku, default: 0]
            if already + quantities[sku, default: 0] > ordered {
                return PlanConflict(
                    field: "items",
                    reason: "\(already) of \(ordered) × \(sku) on order #\(number) were already returned")
            }
        }
        return nil
    }

    /// A payment sync or an address fix only runs while the order still waits for it.
    private func status(of number: String, for action: String) throws -> PlanConflict? {
        let waiting: Set<String>
        switch action {
        case "release_order", "cancel_order": waiting = Self.awaitingPayment
        case "fix_address": waiting = Self.heldForAddress
        default: return nil
        }
        guard let order = try facts.orderHeader(number: number) else { return Self.missing(number) }
        guard waiting.contains(order.status) else {
            return PlanConflict(
                field: "order_number",
                reason: "order #\(number) is \(order.status) now, no longer \(waiting.sorted().joined(separator: " or ")); "
                    + "it was synced already")
        }
        return nil
    }

    private static func missing(_ number: String) -> PlanConflict {
        PlanConflict(field: "order_number", reason: "order #\(number) is not in the store")
    }
}
