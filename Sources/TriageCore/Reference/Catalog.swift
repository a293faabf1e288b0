import Foundation

/// A product with its after-sales policy.
public struct Product: Sendable, Hashable, Codable {
    public var sku: String
    public var description: String
    public var category: String
    public var warrantyMonths: Int
    public var returnWindowDays: Int

    enum CodingKeys: String, CodingKey {
        case sku, description, category
        case warrantyMonths = "warranty_months"
        case returnWindowDays = "return_window_days"
    }

    /// Creates a product.
    public init(sku: String, description: String, category: String, warrantyMonths: Int, returnWindowDays: Int) {
        self.sku = sku
        self.description = description
        self.category = category
        self.warrantyMonths = warrantyMonths
        self.returnWindowDays = returnWindowDays
    }
}

/// A supplier and the other names it goes by on invoices.
public struct Supplier: Sendable, Hashable, Codable {
    public var supplierID: String
    public var name: String
    public var aliases: [String]

    enum CodingKeys: String, CodingKey {
        case name, aliases
        case supplierID = "supplier_id"
    }

    /// Creates a supplier.
    public init(supplierID: String, name: String, aliases: [String] = []) {
        self.supplierID = supplierID
        self.name = name
        self.aliases = aliases
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        supplierID = try container.decode(String.self, forKey: .supplierID)
        name = try container.decode(String.self, forKey: .name)
        aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
    }
}

/// A purchase order sent to a supplier.
public struct PurchaseOrder: Sendable, Hashable, Codable {
    public var poNumber: String
    public var supplier: String
    public var currency: String
    public var total: Money
    public var issuedAt: Date
    public var lines: [OrderLine]

    enum CodingKeys: String, CodingKey {
        case supplier, currency, total, lines
        case poNumber = "po_number"
        case issuedAt = "issued_at"
    }

    /// Creates a purchase order.
    public init(
        poNumber: String, supplier: String, currency: String, total: Money, issuedAt: Date, lines: [OrderLine]
    ) {
        self.poNumber = poNumber
        self.supplier = supplier
        self.currency = currency
        self.total = total
        self.issuedAt = issuedAt
        self.lines = lines
    }
}

/// An invoice already received, to recognise duplicates.
public struct SeenInvoice: Sendable, Hashable, Codable {
    public var supplier: String
    public var invoiceNumber: String
    public var invoiceDate: Date?
    public var total: Money?

    enum CodingKeys: String, CodingKey {
        case supplier, total
        case invoiceNumber = "invoice_number"
        case invoiceDate = "invoice_date"
    }

    /// Creates a received invoice.
    public init(supplier: String, invoiceNumber: String, invoiceDate: Date? = nil, total: Money? = nil) {
        self.supplier = supplier
        self.invoiceNumber = invoiceNumber
        self.invoiceDate = invoiceDate
        self.total = total
    }
}
