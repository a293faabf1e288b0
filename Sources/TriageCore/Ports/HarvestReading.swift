import Foundation

/// The reference data an eval suite's fixtures hold, as a store has it.
public struct ReferenceSnapshot: Sendable, Hashable {
    /// Every product, by SKU.
    public var products: [Product]
    /// Every order with its lines, by order id.
    public var orders: [Order]
    /// Every purchase order with its lines, by number.
    public var purchaseOrders: [PurchaseOrder]
    /// Every invoice already received, by supplier and number.
    public var invoices: [SeenInvoice]
    /// Every supplier.
    public var suppliers: [Supplier]

    /// Creates a snapshot.
    public init(
        products: [Product], orders: [Order], purchaseOrders: [PurchaseOrder], invoices: [SeenInvoice],
        suppliers: [Supplier]
    ) {
        (self.products, self.orders, self.purchaseOrders) = (products, orders, purchaseOrders)
        (self.invoices, self.suppliers) = (invoices, suppliers)
    }

    /// The snapshot as fixture files (`products`, `orders`, `purchase_orders`, `invoices`, `suppliers`), one JSON
    /// object per line, in the eval-suite format; returns the file written per fixture name.
    public func write(to folder: URL) throws -> [String: URL] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONCoding.encoder()
        var written: [String: URL] = [:]
        func write<T: Encodable>(_ name: String, _ values: [T]) throws {
            let url = folder.appendingPathComponent(name + ".jsonl")
            let lines = try values.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
            try Data((lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")).utf8).write(to: url)
            written[name] = url
        }
        try write("products", products)
        try write("orders", orders)
        try write("purchase_orders", purchaseOrders)
        try write("invoices", invoices)
        try write("suppliers", suppliers)
        return written
    }
}

/// What `triage eval harvest` reads, on every store: the reviewers' decisions on AI cards, and the reference data the
/// harvested suite's fixtures hold.
public protocol HarvestReading: Sendable {
    /// Reviewer decisions made on or after `since`, oldest first, with their cards and exceptions.
    func reviewedCards(since: Date) async throws -> [ReviewedCard]
    /// Every product, order, purchase order, invoice received and supplier.
    func referenceSnapshot() async throws -> ReferenceSnapshot
}
