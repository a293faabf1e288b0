import TriageCore

/// `normalise_address`: repairs a held order's postcode format and releases the order.
///
/// Only reformatting is automatic (see `Postcode`); an unfixable postcode or an incomplete address goes
/// to a person.
public struct AddressFixAction: BinaryAction {
    /// Order statuses this action may release.
    static let heldStatuses: Set<String> = ["address_hold", "on_hold"]

    /// Creates the action.
    public init() {}

    /// `normalise_address`.
    public var name: RuleAction { .normaliseAddress }

    /// Normalises the postcode for the country and plans `fix_address`, or says why a person must decide.
    public func plan(for record: ExceptionRecord, params: [String: JSONValue], lookup: any ReferenceLookup) throws
        -> ActionOutcome
    {
        if record.exception.reason == "address_incomplete" {
            return .needsJudgment(reason: "the address is incomplete; only a postcode format can be fixed by rule")
        }
        guard let number = record.orderNumber else {
            return .needsJudgment(reason: "the exception has no order number")
        }
        guard let order = try lookup.orderHeader(number: number) else {
            return .needsJudgment(reason: "order #\(number) is not in the store")
        }
        guard Self.heldStatuses.contains(order.status) else {
            return .needsJudgment(reason: "order #\(number) is \(order.status), not held for its address")
        }
        let raw = record.text("postcode") ?? order.customer.address?.postcode
        let country = record.text("country") ?? order.customer.address?.country
        guard let raw, let country else {
            return .needsJudgment(reason: "the postcode or country is missing")
        }
        switch Postcode.normalise(raw, country: country) {
        case .unfixable(let why):
            return .needsJudgment(reason: "postcode \"\(raw)\" (\(country)) cannot be fixed: \(why)")
        case .valid(let postcode), .fixed(let postcode, _):
            return .execute(fixPlan(record, order: order, postcode: postcode, previous: raw, country: country))
        }
    }

    private func fixPlan(_ record: ExceptionRecord, order: Order, postcode: String, previous: String, country: String)
        -> ActionPlan
    {
        let number = order.orderNumber
        let body: JSONValue = [
            "order_number": .string(number), "postcode": .string(postcode), "previous_postcode": .string(previous),
            "country": .string(country), "status": "released",
        ]
        let summary =
            postcode == previous
            ? "Release order #\(number): postcode \(postcode) is valid"
            : "Fix postcode on order #\(number): \"\(previous)\" → \"\(postcode)\", then release"
        return ActionPlan(
            action: "fix_address", summary: summary,
            parameters: [
                "order_number": .string(number), "postcode": .string(postcode),
                "previous_postcode": .string(previous), "country": .string(country),
            ],
            changes: [
                .orderPostcode(orderNumber: number, postcode: postcode),
                .orderStatus(orderNumber: number, status: "released"),
            ],
            messages: [record.message("order.address_update", to: "storefront", action: "fix_address", payload: body)])
    }
}
