import Foundation

/// Reference records of one kind, as one fixture file holds them.
public enum ReferenceBatch: Sendable {
    case products([Product])
    case suppliers([Supplier])
    case orders([Order])
    case purchaseOrders([PurchaseOrder])
    case invoices([SeenInvoice])
    case payments([Payment])
    case shipments([Shipment])
    case inventory([InventoryCount])

    /// How many records the batch holds.
    public var count: Int {
        switch self {
        case .products(let values): values.count
        case .suppliers(let values): values.count
        case .orders(let values): values.count
        case .purchaseOrders(let values): values.count
        case .invoices(let values): values.count
        case .payments(let values): values.count
        case .shipments(let values): values.count
        case .inventory(let values): values.count
        }
    }
}

/// What loading one fixture file did.
public struct FileLoadResult: Sendable, Hashable {
    /// The file's name.
    public var file: String
    /// Records stored.
    public var loaded: Int
    /// Records rejected, each with line and field.
    public var errors: [RejectedRecord]

    /// Creates a result.
    public init(file: String, loaded: Int, errors: [RejectedRecord]) {
        self.file = file
        self.loaded = loaded
        self.errors = errors
    }
}

/// A store that takes reference data (`triage load`): each batch in one transaction, each record replacing the stored
/// one with its key (an order's lines and lookup keys, a product's name pairs, a PO's lines with it), so loading a
/// file twice changes nothing.
public protocol ReferenceWriting: Sendable {
    /// Stores `batch` in one transaction.
    func storeReference(_ batch: ReferenceBatch) async throws
}

/// The fixture files of a reference folder, in the eval-suite fixture format: which files, in which order, and how
/// each line is read. Every file is optional; each line is decoded on its own, so one bad line rejects that line only.
public enum ReferenceFiles {
    /// The fixture files read, in load order (products before the orders and POs that name them).
    public static let names = [
        "products.jsonl", "suppliers.jsonl", "orders.jsonl", "purchase_orders.jsonl", "invoices.jsonl",
        "payments.jsonl", "shipments.jsonl", "inventory.jsonl",
    ]

    /// The records of one fixture file (chosen by `name`, else the file's name) and the lines it rejected; nil batch
    /// for a file name that is no fixture.
    public static func read(_ url: URL, as name: String? = nil) throws -> (batch: ReferenceBatch?, errors: [RejectedRecord]) {
        let reader = JSONLinesReader(data: try Data(contentsOf: url), fileName: url.lastPathComponent)
        func decoded<T: Decodable>(_ type: T.Type, _ make: ([T]) -> ReferenceBatch) -> (ReferenceBatch?, [RejectedRecord]) {
            let (values, errors) = reader.decodeAll(type)
            return (make(values.map(\.1)), errors)
        }
        switch name ?? url.lastPathComponent {
        case "products.jsonl": return decoded(Product.self, ReferenceBatch.products)
        case "suppliers.jsonl": return decoded(Supplier.self, ReferenceBatch.suppliers)
        case "orders.jsonl": return decoded(Order.self, ReferenceBatch.orders)
        case "purchase_orders.jsonl": return decoded(PurchaseOrder.self, ReferenceBatch.purchaseOrders)
        case "invoices.jsonl": return decoded(SeenInvoice.self, ReferenceBatch.invoices)
        case "payments.jsonl": return decoded(Payment.self, ReferenceBatch.payments)
        case "shipments.jsonl": return decoded(Shipment.self, ReferenceBatch.shipments)
        case "inventory.jsonl": return decoded(InventoryCount.self, ReferenceBatch.inventory)
        default:
            return (nil, [RejectedRecord(file: reader.fileName, line: 0, field: nil, message: "unknown fixture file")])
        }
    }

    /// The fixture files present in `directory`, in load order.
    public static func present(in directory: URL) -> [URL] {
        names.map { directory.appendingPathComponent($0) }.filter { FileManager.default.fileExists(atPath: $0.path) }
    }
}

extension ReferenceWriting {
    /// Loads every fixture file present in `directory`, each in one transaction, and says what each did.
    public func loadReference(directory: URL) async throws -> [FileLoadResult] {
        var results: [FileLoadResult] = []
        for url in ReferenceFiles.present(in: directory) {
            let (batch, errors) = try ReferenceFiles.read(url)
            if let batch { try await storeReference(batch) }
            results.append(FileLoadResult(file: url.lastPathComponent, loaded: batch?.count ?? 0, errors: errors))
        }
        return results
    }
}
