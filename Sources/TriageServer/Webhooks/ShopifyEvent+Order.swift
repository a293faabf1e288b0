import Foundation
import TriageCore

/// `orders/updated`: a voided payment on an open order, or a shipping address the warehouse cannot ship to.
extension ShopifyEvent {
    /// Countries whose postcodes `Postcode` can check; elsewhere only a missing street or city is flagged.
    static let checkedCountries: Set<String> = ["US", "CA", "GB"]

    func order(_ order: ShopifyPayload.Order) -> ShopEventOutcome {
        if order.cancelledAt != nil {
            return .notAnException("order \(order.name) is cancelled: nothing to ship or collect")
        }
        if order.financialStatus == "voided" { return .exception(voidedPayment(order)) }
        if order.needsShipping, let hold = addressHold(order) { return .exception(hold) }
        let status = order.financialStatus ?? "without a financial status"
        return .notAnException("order \(order.name) is \(status) and its shipping address is usable: nothing to do")
    }

    /// The payment was voided but the order is still open: it would ship unpaid unless someone acts.
    private func voidedPayment(_ order: ShopifyPayload.Order) -> NewException {
        exception(
            .paymentDrift, reason: "storefront_voided", at: order.updatedAt, orderNumber: order.name,
            payload: [
                "storefront_status": "voided", "order_total": .optional(order.totalPrice),
                "currency": .optional(order.currency), "fulfillment_status": .optional(order.fulfillmentStatus),
                "payment_gateways": .array((order.paymentGatewayNames ?? []).map(JSONValue.string)),
                "shopify_order_id": .id(order.id),
            ])
    }

    /// An incomplete address, or a postcode that is malformed (not merely spaced or cased differently).
    private func addressHold(_ order: ShopifyPayload.Order) -> NewException? {
        let address = order.shippingAddress ?? ShopifyPayload.Address()
        let country = address.countryCode?.uppercased()
        let checked = country.map(Self.checkedCountries.contains) ?? false
        let missing = address.missing(zipRequired: checked)
        var payload: [String: JSONValue] = [
            "postcode": .optional(address.zip), "country": .optional(country), "shopify_order_id": .id(order.id),
        ]
        if !missing.isEmpty {
            payload["missing"] = .array(missing.map(JSONValue.string))
            return exception(
                .addressHold, reason: "address_incomplete", at: order.updatedAt, orderNumber: order.name,
                payload: payload)
        }
        guard checked, let zip = address.zip, let country, let problem = Self.postcodeProblem(zip, country: country)
        else { return nil }
        payload["postcode_problem"] = .string(problem)
        return exception(
            .addressHold, reason: "postcode_format", at: order.updatedAt, orderNumber: order.name, payload: payload)
    }

    /// Why a postcode is malformed, or nil when it is valid up to spacing and case (carriers read those).
    static func postcodeProblem(_ zip: String, country: String) -> String? {
        switch Postcode.normalise(zip, country: country) {
        case .valid: return nil
        case .unfixable(let why): return why
        case .fixed(let normal, _):
            let bare = { (text: String) in text.uppercased().filter { $0.isLetter || $0.isNumber } }
            return bare(normal) == bare(zip)
                ? nil : "\"\(zip)\" reads as \"\(normal)\" only after correcting characters"
        }
    }
}

extension ShopifyPayload.Order {
    /// Not yet shipped in full, with at least one item that ships (no line items listed counts as shipping).
    var needsShipping: Bool {
        fulfillmentStatus != "fulfilled" && (lineItems?.contains { $0.requiresShipping ?? true } ?? true)
    }
}

extension ShopifyPayload.Address {
    /// Shopify's names of the fields a carrier needs that are missing or blank.
    func missing(zipRequired: Bool) -> [String] {
        let fields = [
            ("address1", address1), ("city", city), ("zip", zipRequired ? zip : "-"), ("country_code", countryCode),
        ]
        return fields.filter { $0.1?.trimmingCharacters(in: .whitespaces).isEmpty ?? true }.map(\.0)
    }
}
