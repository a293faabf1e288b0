import Foundation
import TriageCore

/// Derives the gateway's payments and the WMS's shipments from the orders, consistent with each order's status.
struct OperationsFactory {
    var random: DemoRandom
    let end: Date

    /// One payment per order; held orders' payments agree with the drift report unless the hold is an anomaly.
    mutating func payments(_ book: OrderBook) -> [Payment] {
        var holds: [Int: PaymentHold] = [:]
        for hold in book.paymentHolds { holds[hold.order] = hold }
        return book.orders.enumerated().map { index, order in
            let (status, updatedAt) = paymentState(order, hold: holds[index])
            return Payment(
                paymentID: "pay_" + order.orderID.dropFirst(4), orderNumber: order.orderNumber, status: status,
                amount: order.total, currency: order.currency, updatedAt: updatedAt)
        }
    }

    private func paymentState(_ order: Order, hold: PaymentHold?) -> (String, Date) {
        if let hold {
            let status =
                hold.anomaly == .storedPaymentDisagrees ? Self.disagreeing(hold.gatewayStatus) : hold.gatewayStatus
            return (status, hold.eventAt.addingTimeInterval(-30))
        }
        let settled = order.placedAt.addingTimeInterval(120)
        switch order.status {
        case "cancelled": return ("cancelled", settled)
        case "refunded": return ("refunded", (order.deliveredAt ?? settled).addingTimeInterval(5 * DemoCalendar.day))
        case "address_hold": return ("authorised", settled)
        default: return ("captured", settled)
        }
    }

    /// A status the stored payment shows when it disagrees with the gateway's report.
    static func disagreeing(_ status: String) -> String {
        switch status {
        case "captured": "refused"
        case "authorised": "cancelled"
        case "refused": "captured"
        default: "authorised"
        }
    }

    /// A shipment for every order that left the warehouse.
    mutating func shipments(_ orders: [Order]) -> [Shipment] {
        var shipments: [Shipment] = []
        for order in orders where ["shipped", "delivered", "refunded"].contains(order.status) {
            let shippedAt = min(
                order.placedAt.addingTimeInterval(Double(random.int(14_400...86_400))),
                end.addingTimeInterval(-3_600))
            shipments.append(
                Shipment(
                    shipmentID: "shp_" + order.orderID.dropFirst(4), orderNumber: order.orderNumber,
                    carrier: carrier(country: order.customer.address?.country),
                    status: order.deliveredAt == nil
                        ? "in_transit" : "delivered", shippedAt: shippedAt, deliveredAt: order.deliveredAt))
        }
        return shipments
    }

    private mutating func carrier(country: String?) -> String {
        switch country {
        case "CA": ["Canada Post", "Purolator"][random.below(2)]
        case "GB": ["Royal Mail", "DPD", "Evri"][random.below(3)]
        default: ["UPS", "FedEx", "USPS"][random.below(3)]
        }
    }
}
