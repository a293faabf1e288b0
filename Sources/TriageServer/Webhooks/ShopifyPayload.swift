import Foundation
import TriageCore

/// The fields of Shopify's webhook payloads that Triage reads (everything else Shopify sends is ignored). Ids are
/// `Int64` and amounts the `*_set.shop_money` strings, so nothing passes through a `Double`.
enum ShopifyPayload {
    /// A shipping address or a fulfillment's destination.
    struct Address: Decodable, Sendable {
        var address1: String?
        var city: String?
        var zip: String?
        var countryCode: String?
    }

    /// An amount in the shop's currency.
    struct MoneySet: Decodable, Sendable {
        struct Bag: Decodable, Sendable {
            var amount: String
            var currencyCode: String?
        }
        var shopMoney: Bag

        var money: Money? { Money(shopMoney.amount) }
    }

    /// `orders/updated`: the order as it is now.
    struct Order: Decodable, Sendable {
        struct LineItem: Decodable, Sendable { var requiresShipping: Bool? }
        var id: Int64
        var name: String
        var updatedAt: String?
        var cancelledAt: String?
        var financialStatus: String?
        var fulfillmentStatus: String?
        var currency: String?
        var totalPrice: String?
        var paymentGatewayNames: [String]?
        var shippingAddress: Address?
        var lineItems: [LineItem]?
    }

    /// `refunds/create`: what was refunded and the money that moved.
    struct Refund: Decodable, Sendable {
        struct Line: Decodable, Sendable {
            var quantity: Int
            var subtotalSet: MoneySet?
            var totalTaxSet: MoneySet?
        }
        struct ShippingLine: Decodable, Sendable { var subtotalAmountSet: MoneySet? }
        struct Adjustment: Decodable, Sendable { var kind: String? }
        struct Transaction: Decodable, Sendable {
            var kind: String?
            var status: String?
            var amount: String?
            var currency: String?
            var gateway: String?
            var errorCode: String?
        }
        var id: Int64
        var orderId: Int64
        var createdAt: String?
        var note: String?
        var refundLineItems: [Line]?
        var refundShippingLines: [ShippingLine]?
        var orderAdjustments: [Adjustment]?
        var transactions: [Transaction]?
    }

    /// `fulfillments/update`: a shipment's state at the fulfilment service and the carrier.
    struct Fulfillment: Decodable, Sendable {
        var id: Int64
        var orderId: Int64
        var name: String?
        var status: String?
        var shipmentStatus: String?
        var updatedAt: String?
        var service: String?
        var trackingCompany: String?
        var trackingNumber: String?
        var destination: Address?
    }
}
