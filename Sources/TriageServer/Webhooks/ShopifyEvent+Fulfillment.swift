import Foundation
import TriageCore

/// `fulfillments/update`: the carrier could not deliver (fulfilment team), or the fulfilment service failed the
/// request (engineering, like any connector failure).
extension ShopifyEvent {
    /// Fulfilment statuses that mean the fulfilment service did not take the shipment.
    static let serviceFailures: Set<String> = ["error", "failure"]

    func fulfillment(_ fulfillment: ShopifyPayload.Fulfillment) -> ShopEventOutcome {
        let name = fulfillment.name ?? "fulfillment \(fulfillment.id)"
        let status = fulfillment.status ?? "unknown"
        if fulfillment.shipmentStatus == "failure" {
            return .exception(
                exception(
                    .addressHold, reason: "delivery_failed", at: fulfillment.updatedAt,
                    orderNumber: fulfillment.orderNumber, payload: deliveryPayload(fulfillment)))
        }
        if Self.serviceFailures.contains(status) { return .exception(serviceFailure(fulfillment, status: status)) }
        let shipment = fulfillment.shipmentStatus.map { ", shipment \($0)" } ?? ""
        return .notAnException("\(name) is \(status)\(shipment): nothing to do")
    }

    private func deliveryPayload(_ fulfillment: ShopifyPayload.Fulfillment) -> [String: JSONValue] {
        [
            "postcode": .optional(fulfillment.destination?.zip),
            "country": .optional(fulfillment.destination?.countryCode?.uppercased()),
            "shipment_status": .optional(fulfillment.shipmentStatus), "carrier": .optional(fulfillment.trackingCompany),
            "tracking_number": .optional(fulfillment.trackingNumber), "fulfillment_id": .id(fulfillment.id),
            "shopify_order_id": .id(fulfillment.orderId),
        ]
    }

    /// The fields the engineering card reads: connector, error and message.
    private func serviceFailure(_ fulfillment: ShopifyPayload.Fulfillment, status: String) -> NewException {
        let connector = "fulfillment:" + (fulfillment.service ?? fulfillment.trackingCompany ?? "unknown")
        return exception(
            .integrationFailure, reason: "fulfillment_\(status)", at: fulfillment.updatedAt,
            orderNumber: fulfillment.orderNumber,
            payload: [
                "connector": .string(connector), "error": .string("fulfillment_\(status)"),
                "message": .string(
                    "Shopify reports fulfillment \(fulfillment.name ?? String(fulfillment.id)) as \(status)"),
                "fulfillment_id": .id(fulfillment.id), "shopify_order_id": .id(fulfillment.orderId),
            ])
    }
}

extension ShopifyPayload.Fulfillment {
    /// The order number from the fulfilment's name: `#9999.1` is the first fulfilment of order `#9999`.
    var orderNumber: String? {
        guard let name, let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
