import Foundation
import TriageCore

extension ExceptionFactory {
    /// The gateway reports a status for an order the storefront still shows as pending.
    mutating func paymentDrift(_ event: ScheduledEvent, ordinal: Int) -> NewException? {
        let holds = reference.book.paymentHolds
        guard !holds.isEmpty else { return nil }
        let hold = holds[ordinal % holds.count]
        let order = reference.book.orders[hold.order]
        return NewException(
            source: "gateway", eventID: eventID("gw_evt"), kind: .paymentDrift, reason: "status_mismatch",
            occurredAt: after(order, event.at), orderNumber: order.orderNumber,
            payload: [
                "gateway_status": .string(hold.gatewayStatus), "storefront_status": "pending",
                "amount": .string(order.total.description), "currency": .string(order.currency),
                "payment_id": .string("pay_" + order.orderID.dropFirst(4)),
            ])
    }

    /// The storefront held an order whose postcode (or another address field) failed validation.
    mutating func addressHold(_ event: ScheduledEvent, ordinal: Int) -> NewException? {
        let holds = reference.book.addressHolds
        guard !holds.isEmpty else { return nil }
        let hold = holds[ordinal % holds.count]
        let order = reference.book.orders[hold.order]
        let address = order.customer.address ?? Address()
        var payload: [String: JSONValue] = [
            "postcode": .string(address.postcode ?? ""), "country": .string(address.country ?? "US"),
        ]
        if let line1 = address.line1 { payload["line1"] = .string(line1) }
        if let city = address.city { payload["city"] = .string(city) }
        let id = eventID("sf_hold")
        label("storefront", id, ["fixable": .bool(hold.fixable)])
        return NewException(
            source: "storefront", eventID: id, kind: .addressHold, reason: hold.reason,
            occurredAt: after(order, event.at), orderNumber: order.orderNumber, payload: payload)
    }

    /// The nightly reconciliation in the ERP or WMS found counts that differ.
    mutating func inventoryDrift(_ event: ScheduledEvent) -> NewException? {
        let within = reference.inventory.within
        let beyond = reference.inventory.beyond
        let useWithin = beyond.isEmpty || (!within.isEmpty && random.chance(0.75))
        guard let counts = random.pick(useWithin ? within : beyond) else { return nil }
        let source = random.chance(0.5) ? "erp" : "wms"
        return NewException(
            source: source, eventID: eventID("\(source)_recon"), kind: .inventoryDrift, reason: "count_mismatch",
            occurredAt: event.at,
            payload: [
                "sku": .string(counts.sku), "storefront_qty": .number(Double(counts.storefront)),
                "erp_qty": .number(Double(counts.erp)), "wms_qty": .number(Double(counts.wms)),
            ])
    }

    /// A connector failed; failures of one outage share connector and error.
    mutating func integrationFailure(_ event: ScheduledEvent) -> NewException {
        let burst = event.burst ?? Burst(connector: "erp-sync", error: "timeout")
        let endpoint = IntegrationTexts.endpoint(connector: burst.connector, random: &random)
        return NewException(
            source: "connector", eventID: eventID("conn_err"), kind: .integrationFailure, reason: burst.error,
            occurredAt: event.at,
            payload: [
                "connector": .string(burst.connector), "error": .string(burst.error), "endpoint": .string(endpoint),
                "message": .string(IntegrationTexts.message(error: burst.error, endpoint: endpoint)),
            ])
    }

    /// The event time, but never before the order was placed (a benchmark reuses held orders).
    func after(_ order: Order, _ at: Date) -> Date {
        max(at, order.placedAt.addingTimeInterval(240))
    }
}

/// Where connectors fail and what their logs say.
enum IntegrationTexts {
    static func endpoint(connector: String, random: inout DemoRandom) -> String {
        let paths: [String]
        let host: String
        switch connector {
        case "erp-sync": (host, paths) = ("erp.internal", ["/api/v2/orders/sync", "/api/v2/inventory/batch"])
        case "wms-feed": (host, paths) = ("wms.internal", ["/feed/v1/shipments", "/feed/v1/stock-levels"])
        case "gateway-webhooks": (host, paths) = ("payments-gw.internal", ["/webhooks/v3/events", "/webhooks/v3/ack"])
        default: (host, paths) = ("returns-api.internal", ["/api/returns", "/api/returns/status"])
        }
        return "https://\(host)\(paths[random.below(paths.count)])"
    }

    static func message(error: String, endpoint: String) -> String {
        switch error {
        case "timeout": "POST \(endpoint) timed out after 30 s (attempt 3 of 3)"
        case "http_500": "POST \(endpoint) answered 500 Internal Server Error"
        case "http_502": "POST \(endpoint) answered 502 Bad Gateway from the upstream proxy"
        case "http_503": "POST \(endpoint) answered 503 Service Unavailable (Retry-After: 120)"
        default: "POST \(endpoint) answered 401 Unauthorized: API token expired or revoked"
        }
    }
}
