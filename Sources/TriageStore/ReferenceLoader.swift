import Foundation
import GRDB
import TriageCore

/// What loading one fixture file did.
public struct FileLoadResult: Sendable, Hashable {
    /// The file's name.
    public var file: String
    /// Records stored.
    public var loaded: Int
    /// Records rejected, each with line and field.
    public var errors: [RejectedRecord]
}

/// Loads reference data from a fixture folder in the eval-suite fixture format.
///
/// Every file is optional; each line is decoded on its own, so one bad line rejects that line only.
public struct ReferenceLoader: Sendable {
    /// The fixture files read, in load order, and what each holds.
    public static let files = [
        "products.jsonl", "suppliers.jsonl", "orders.jsonl", "purchase_orders.jsonl", "invoices.jsonl",
        "payments.jsonl", "shipments.jsonl", "inventory.jsonl",
    ]

    let database: AppDatabase

    /// Creates a loader writing into `database`.
    public init(database: AppDatabase) { self.database = database }

    /// Loads every known file present in `directory`.
    public func load(directory: URL) throws -> [FileLoadResult] {
        try Self.files.compactMap { name in
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            return try load(file: url)
        }
    }

    /// Loads one fixture file, choosing the record type by its name.
    public func load(file url: URL, as name: String? = nil) throws -> FileLoadResult {
        let reader = JSONLinesReader(data: try Data(contentsOf: url), fileName: url.lastPathComponent)
        switch name ?? url.lastPathComponent {
        case "products.jsonl": return try store(reader, Product.self) { try ReferenceWriter.insert($0, db: $1) }
        case "suppliers.jsonl": return try store(reader, Supplier.self) { try ReferenceWriter.insert($0, db: $1) }
        case "orders.jsonl": return try store(reader, Order.self) { try OrderRow.insert($0, db: $1) }
        case "purchase_orders.jsonl":
            return try store(reader, PurchaseOrder.self) { try ReferenceWriter.insert($0, db: $1) }
        case "invoices.jsonl": return try store(reader, SeenInvoice.self) { try ReferenceWriter.insert($0, db: $1) }
        case "payments.jsonl": return try store(reader, Payment.self) { try ReferenceWriter.insert($0, db: $1) }
        case "shipments.jsonl": return try store(reader, Shipment.self) { try ReferenceWriter.insert($0, db: $1) }
        case "inventory.jsonl":
            return try store(reader, InventoryCount.self) { try ReferenceWriter.insert($0, db: $1) }
        default:
            return FileLoadResult(
                file: reader.fileName, loaded: 0,
                errors: [RejectedRecord(file: reader.fileName, line: 0, field: nil, message: "unknown fixture file")])
        }
    }

    private func store<T: Decodable>(
        _ reader: JSONLinesReader, _ type: T.Type, insert: (T, Database) throws -> Void
    ) throws -> FileLoadResult {
        let (values, errors) = reader.decodeAll(type)
        try database.writer.write { db in
            for (_, value) in values { try insert(value, db) }
        }
        return FileLoadResult(file: reader.fileName, loaded: values.count, errors: errors)
    }
}
