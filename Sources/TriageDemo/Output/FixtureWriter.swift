import Foundation
import TriageCore

/// Writes a dataset as JSONL files in the eval contract's fixture format.
///
/// Keys are sorted and dates formatted by `JSONCoding.encoder()`, so the same dataset gives the same bytes.
public enum FixtureWriter {
    /// The files `write` creates, in the order it creates them.
    public static let fileNames = [
        "orders.jsonl", "products.jsonl", "purchase_orders.jsonl", "suppliers.jsonl", "invoices.jsonl",
        "payments.jsonl", "shipments.jsonl", "inventory.jsonl", "exceptions.jsonl", "labels.jsonl",
    ]

    /// Writes every file into `directory`, creating it when needed and replacing files already there.
    public static func write(_ dataset: DemoDataset, to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = JSONCoding.encoder()
        func file(_ name: String) -> URL { directory.appendingPathComponent(name) }
        try write(dataset.orders, to: file("orders.jsonl"), encoder: encoder)
        try write(dataset.products, to: file("products.jsonl"), encoder: encoder)
        try write(dataset.purchaseOrders, to: file("purchase_orders.jsonl"), encoder: encoder)
        try write(dataset.suppliers, to: file("suppliers.jsonl"), encoder: encoder)
        try write(dataset.invoices, to: file("invoices.jsonl"), encoder: encoder)
        try write(dataset.payments, to: file("payments.jsonl"), encoder: encoder)
        try write(dataset.shipments, to: file("shipments.jsonl"), encoder: encoder)
        try write(dataset.inventory, to: file("inventory.jsonl"), encoder: encoder)
        try write(dataset.exceptions.map(ExceptionLine.init), to: file("exceptions.jsonl"), encoder: encoder)
        // The generator's labels, apart from the exceptions: ingest never reads this file, the eval and tests do.
        try write(dataset.labels, to: file("labels.jsonl"), encoder: encoder)
    }

    /// The values as JSON lines, each ending in a newline.
    public static func jsonLines<T: Encodable>(_ values: [T], encoder: JSONEncoder = JSONCoding.encoder()) throws
        -> Data
    {
        var data = Data()
        for value in values {
            data.append(try encoder.encode(value))
            data.append(0x0A)
        }
        return data
    }

    private static func write<T: Encodable>(_ values: [T], to url: URL, encoder: JSONEncoder) throws {
        try jsonLines(values, encoder: encoder).write(to: url, options: .atomic)
    }
}
