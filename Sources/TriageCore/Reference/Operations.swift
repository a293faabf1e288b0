import Foundation

/// A payment as the gateway logged it.
public struct Payment: Sendable, Hashable, Codable {
    public var paymentID: String
    public var orderNumber: String
    /// Gateway status: authorised, captured, refused, cancelled, refunded.
    public var status: String
    public var amount: Money
    public var currency: String
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case status, amount, currency
        case paymentID = "payment_id"
        case orderNumber = "order_number"
        case updatedAt = "updated_at"
    }

    /// Creates a payment.
    public init(
        paymentID: String, orderNumber: String, status: String, amount: Money, currency: String, updatedAt: Date
    ) {
        self.paymentID = paymentID
        self.orderNumber = orderNumber
        self.status = status
        self.amount = amount
        self.currency = currency
        self.updatedAt = updatedAt
    }
}

/// A shipment as the WMS logged it.
public struct Shipment: Sendable, Hashable, Codable {
    public var shipmentID: String
    public var orderNumber: String
    public var carrier: String?
    public var status: String
    public var shippedAt: Date?
    public var deliveredAt: Date?

    enum CodingKeys: String, CodingKey {
        case carrier, status
        case shipmentID = "shipment_id"
        case orderNumber = "order_number"
        case shippedAt = "shipped_at"
        case deliveredAt = "delivered_at"
    }

    /// Creates a shipment.
    public init(
        shipmentID: String, orderNumber: String, carrier: String? = nil, status: String, shippedAt: Date? = nil,
        deliveredAt: Date? = nil
    ) {
        self.shipmentID = shipmentID
        self.orderNumber = orderNumber
        self.carrier = carrier
        self.status = status
        self.shippedAt = shippedAt
        self.deliveredAt = deliveredAt
    }
}

/// A stock count for one SKU in one system (storefront, erp, wms).
public struct InventoryCount: Sendable, Hashable, Codable {
    public var sku: String
    public var system: String
    public var quantity: Int

    /// Creates a count.
    public init(sku: String, system: String, quantity: Int) {
        self.sku = sku
        self.system = system
        self.quantity = quantity
    }
}
