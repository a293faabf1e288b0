import Foundation

/// What a reviewer may choose on a card no AI suggestion pre-filled: the actions of the rule family for the card's
/// kind, `acknowledged` on an escalation, and `resolved_manually` anywhere. Parameters are checked as the rule's own
/// action checks them, and the plan changes the same data the rule's would, so the decision path re-checks it
/// against the order before it runs.
enum ManualAction {
    /// The state-changing actions per exception kind.
    static let byKind: [ExceptionKind: [String]] = [
        .paymentDrift: ["release_order", "cancel_order"],
        .addressHold: ["fix_address"],
        .inventoryDrift: ["reconcile_inventory"],
        .returnRequest: ["refund"],
    ]

    /// The actions allowed on `card`, the card's own task's first.
    static func allowed(on card: StoredCard) -> [String] {
        let task = card.card.details["ai_task"]?.text.flatMap(AITask.init(rawValue:))
        var actions = task.flatMap { ReviewPlanner.actions[$0] } ?? []
        actions += byKind[card.card.kind] ?? []
        if card.card.decisionType == .escalated || card.card.kind == .integrationFailure { actions.append("acknowledged") }
        return actions + ["resolved_manually"]
    }

    /// The state changes and messages of `action`; the caller has checked that the action is allowed. An AI task's
    /// action changes no data here: the system that owns the next step is told.
    static func plan(
        _ action: String, _ parameters: [String: JSONValue], card: StoredCard, record: ExceptionRecord, task: AITask?
    ) throws(ReviewError) -> ActionPlan {
        guard task == nil else { return try payout(notice(action, parameters, card: card, record: record, task: task), record: record) }
        let fields = ManualFields(parameters: parameters, record: record)
        switch action {
        case "refund": return try refund(fields, card: card)
        case "release_order", "cancel_order": return try paymentSync(action, fields, card: card)
        case "fix_address": return try addressFix(fields, card: card)
        case "reconcile_inventory": return try reconcile(fields, card: card)
        default: return notice(action, parameters, card: card, record: record, task: nil)
        }
    }

    private static func refund(_ fields: ManualFields, card: StoredCard) throws(ReviewError) -> ActionPlan {
        let number = try fields.orderNumber()
        let amount = try fields.amount()
        var changes: [StateChange] = [.refund(orderNumber: number, amount: amount)]
        if let items = try fields.items() { changes.append(.returnedItems(orderNumber: number, quantities: items)) }
        return ActionPlan(
            action: "refund", summary: "Refund \(amount) on order #\(number) (reviewed)", parameters: fields.parameters,
            changes: changes,
            messages: [
                message(card, "returns_app", "refund.issue", fields), message(card, "storefront", "order.refund", fields),
            ])
    }

    private static func paymentSync(_ action: String, _ fields: ManualFields, card: StoredCard) throws(ReviewError)
        -> ActionPlan
    {
        let number = try fields.orderNumber()
        let release = action == "release_order"
        return ActionPlan(
            action: action, summary: "\(release ? "Release" : "Cancel") order #\(number) (reviewed)",
            parameters: fields.parameters,
            changes: [.orderStatus(orderNumber: number, status: release ? "released" : "cancelled")],
            messages: [message(card, "storefront", release ? "order.release" : "order.cancel", fields)])
    }

    private static func addressFix(_ fields: ManualFields, card: StoredCard) throws(ReviewError) -> ActionPlan {
        let number = try fields.orderNumber()
        let postcode = try fields.postcode()
        return ActionPlan(
            action: "fix_address", summary: "Set postcode \(postcode) on order #\(number), then release (reviewed)",
            parameters: fields.parameters.merging(["postcode": .string(postcode)]) { $1 },
            changes: [
                .orderPostcode(orderNumber: number, postcode: postcode),
                .orderStatus(orderNumber: number, status: "released"),
            ],
            messages: [message(card, "storefront", "order.address_update", fields)])
    }

    private static func reconcile(_ fields: ManualFields, card: StoredCard) throws(ReviewError) -> ActionPlan {
        let sku = try fields.text("sku")
        let quantity = try fields.count("wms_qty")
        return ActionPlan(
            action: "reconcile_inventory", summary: "Set SKU \(sku) to \(quantity) in storefront and ERP (reviewed)",
            parameters: fields.parameters,
            changes: ["storefront", "erp"].map { .inventoryCount(sku: sku, system: $0, quantity: quantity) },
            messages: ["storefront", "erp"].map { message(card, $0, "inventory.set", fields) })
    }

    /// An AI action that pays money out (a warranty refund, a return's refund amount) is recorded as a refund on
    /// its order, so the decision path checks it against what was paid and what was refunded before: no amount
    /// typed into a form can pay out more than the customer paid.
    private static func payout(_ notice: ActionPlan, record: ExceptionRecord) throws(ReviewError) -> ActionPlan {
        guard let key = EditRules.moneyKeys.first(where: { notice.parameters[$0].map { $0 != .null } ?? false }) else {
            return notice
        }
        let fields = ManualFields(parameters: notice.parameters, record: record)
        let amount = try fields.amount(key)
        var plan = notice
        plan.changes.append(.refund(orderNumber: try fields.orderNumber(), amount: amount))
        return plan
    }

    /// An action that changes no data here: the system that owns the next step (or the source) is told.
    private static func notice(
        _ action: String, _ parameters: [String: JSONValue], card: StoredCard, record: ExceptionRecord, task: AITask?
    ) -> ActionPlan {
        let (target, type) = ReviewPlanner.confirmation(for: task, action: action, record: record)
        var payload = parameters
        payload["action"] = .string(action)
        payload["exception_event_id"] = .string(record.exception.eventID)
        let message = OutboxDraft(
            targetSystem: target, messageType: type, payload: .object(payload), idempotencyKey: "review:\(card.id):\(type)")
        return ActionPlan(action: action, summary: "\(action) (reviewed)", parameters: parameters, messages: [message])
    }

    private static func message(_ card: StoredCard, _ target: String, _ type: String, _ fields: ManualFields) -> OutboxDraft {
        var payload = fields.parameters
        payload["exception_event_id"] = .string(fields.record.exception.eventID)
        return OutboxDraft(
            targetSystem: target, messageType: type, payload: .object(payload),
            idempotencyKey: "review:\(card.id):\(target):\(type)")
    }
}
