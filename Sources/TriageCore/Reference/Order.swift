import Foundation

/// A postal address as stored on an order.
public struct Address: Sendable, Hashable, Codable {
    public var line1: String?
    public var city: String?
    public var postcode: String?
    public var country: String?

    /// Creates an address.
    public init(line1: String? = nil, city: String? = nil, postcode: String? = nil, country: String? = nil) {
        self.line1 = line1
        self.city = city
        self.postcode = postcode
        self.country = country
    }
}

/// The customer on an order.
public struct Customer: Sendable, Hashable, Codable {
    public var name: String
    public var email: String?
    public var phone: String?
    public var address: Address?

    /// Creates a customer.
    public init(name: String, email: String? = nil, phone: String? = nil, address: Address? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
        self.address = address
    }
}

/// One line of an order or purchase order.
public struct OrderLine: Sendable, Hashable, Codable {
    public var sku: String
    public var description: String
    public var qty: Int
    public var unitPrice: Money

    enum CodingKeys: String, CodingKey {
        case sku, description, qty
        case unitPrice = "unit_price"
    }

    /// Creates a line.
    public init(sku: String, description: String, qty: Int, unitPrice: Money) {
        self.sku = sku
        self.description = description
        self.qty = qty
        self.unitPrice = unitPrice
    }
}

/// A storefront order, in the fixture format of the eval contract.
public struct Order: Sendable, Hashable, Codable {
    public var orderID: String
    public var orderNumber: String
    public var customer: Customer
    public var placedAt: Date
    public var currency: String
    public var total: Money
    public var lines: [OrderLine]
    public var status: String
    public var deliveredAt: Date?

    enum CodingKeys: String, CodingKey {
        case customer, currency, total, lines, status
        case orderID = "order_id"
        case orderNumber = "order_number"
        case placedAt = "placed_at"
        case deliveredAt = "delivered_at"
    }

    /// Creates an order.
    public init(
        orderID: String, orderNumber: String, customer: Customer, placedAt: Date, currency: String, total: Money,
        lines: [OrderLine], status: String, deliveredAt: Date? = nil
    ) {
        self.orderID = orderID
        self.orderNumber = orderNumber
        self.customer = customer
        self.placedAt = placedAt
        self.currency = currency
        self.total = total
        self.lines = lines
        self.status = status
        self.deliveredAt = deliveredAt
    }
}

extension Customer {
    /// The key both stores keep one customer row by: the e-mail when there is one, else the name, lower-cased.
    public var storeKey: String { (email ?? name).lowercased() }
}
