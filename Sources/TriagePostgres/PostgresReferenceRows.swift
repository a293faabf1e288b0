import Foundation
import PostgresNIO
import TriageCore

/// Decodes reference rows: orders with their lines, products and purchase orders, selected with the `columns`
/// each names.
enum PostgresReferenceRows {
    /// The order columns, in the order `order(_:lines:)` decodes them.
    static let orderColumns = """
        order_id, order_number, customer_name, email, phone, line1, city, postcode, country, placed_at, currency,
        total_cents, status, delivered_at
        """

    /// How many columns `orderColumns` names.
    static let orderColumnCount = 14

    static func order(_ row: PostgresRow, lines: [OrderLine]) throws -> Order {
        var order = try order(row.makeRandomAccess(), offset: 0)
        order.lines = lines
        return order
    }

    /// The order in `orderColumns` from `offset` on, without its lines.
    static func order(_ cells: PostgresRandomAccessRow, offset: Int) throws -> Order {
        func cell<T: PostgresDecodable>(_ index: Int, _ type: T.Type = T.self) throws -> T {
            try cells[offset + index].decode(T.self)
        }
        let (id, number, name, email, phone) = (
            try cell(0, String.self), try cell(1, String.self), try cell(2, String.self), try cell(3, String?.self),
            try cell(4, String?.self)
        )
        let (line1, city, postcode, country) = (
            try cell(5, String?.self), try cell(6, String?.self), try cell(7, String?.self), try cell(8, String?.self)
        )
        let (placedAt, currency, total, status, delivered) = (
            try cell(9, Double.self), try cell(10, String.self), try cell(11, Int64.self), try cell(12, String.self),
            try cell(13, Double?.self)
        )
        let address = Address(line1: line1, city: city, postcode: postcode, country: country)
        let customer = Customer(name: name, email: email, phone: phone, address: address == Address() ? nil : address)
        return Order(
            orderID: id, orderNumber: number, customer: customer, placedAt: Date(timeIntervalSince1970: placedAt),
            currency: currency, total: Money(cents: total), lines: [], status: status,
            deliveredAt: delivered.map(Date.init(timeIntervalSince1970:)))
    }

    /// A line from `sku, description, qty, unit_price_cents` after the key it belongs to.
    static func keyedLine(_ row: PostgresRow) throws -> (key: String, line: OrderLine) {
        let (key, sku, description, qty, cents) = try row.decode((String, String, String, Int64, Int64).self)
        return (key, OrderLine(sku: sku, description: description, qty: Int(qty), unitPrice: Money(cents: cents)))
    }

    static let productColumns = "sku, description, category, warranty_months, return_window_days"

    static func product(_ row: PostgresRow) throws -> Product {
        let (sku, description, category, warranty, window) = try row.decode((String, String, String, Int64, Int64).self)
        return Product(
            sku: sku, description: description, category: category, warrantyMonths: Int(warranty),
            returnWindowDays: Int(window))
    }

    static func supplier(_ row: PostgresRow) throws -> Supplier {
        let (id, name, aliases) = try row.decode((String, String, String).self)
        do {
            return Supplier(supplierID: id, name: name, aliases: try JSONCoding.decode([String].self, from: aliases))
        } catch {
            throw PostgresRowError(description: "suppliers row \(id): aliases is not a JSON list of strings: \(error)")
        }
    }

    static let purchaseOrderColumns = "po_number, supplier, currency, total_cents, issued_at"

    static func purchaseOrder(_ row: PostgresRow, lines: [OrderLine]) throws -> PurchaseOrder {
        let (number, supplier, currency, total, issued) = try row.decode((String, String, String, Int64, Double).self)
        return PurchaseOrder(
            poNumber: number, supplier: supplier, currency: currency, total: Money(cents: total),
            issuedAt: Date(timeIntervalSince1970: issued), lines: lines)
    }

    static let paymentColumns = "payment_id, order_number, status, amount_cents, currency, updated_at"

    /// A payment from `paymentColumns`.
    static func payment(_ row: PostgresRow) throws -> Payment {
        let (id, number, status, cents, currency, updated) = try row.decode((String, String, String, Int64, String, Double).self)
        return Payment(
            paymentID: id, orderNumber: number, status: status, amount: Money(cents: cents), currency: currency,
            updatedAt: Date(timeIntervalSince1970: updated))
    }

    static let shipmentColumns = "shipment_id, order_number, carrier, status, shipped_at, delivered_at"

    /// A shipment from `shipmentColumns`.
    static func shipment(_ row: PostgresRow) throws -> Shipment {
        let (id, number, carrier, status, shipped, delivered) =
            try row.decode((String, String, String?, String, Double?, Double?).self)
        return Shipment(
            shipmentID: id, orderNumber: number, carrier: carrier, status: status,
            shippedAt: shipped.map(Date.init(timeIntervalSince1970:)), deliveredAt: delivered.map(Date.init(timeIntervalSince1970:)))
    }
}
