import Foundation
import Testing
import TriageCore
import TriageDemo
import TriagePostgres
import TriageStore

/// `triage load` on every store: the same fixture folder loaded through ``ReferenceWriting`` reads back the same
/// orders, products, suppliers, POs and invoices, and the same candidate orders, on SQLite and on PostgreSQL; loading
/// it twice changes nothing.
@Suite("Reference load on every store", .timeLimit(.minutes(5)))
struct ReferenceLoadConformanceTests {
    @Test("a fixture folder loads to the same reads on both stores, and a second load changes nothing")
    func loadsAgree() async throws {
        let configuration = DemoConfiguration(
            seed: 5, customers: 80, orders: 200, products: 40, suppliers: 5, purchaseOrders: 20, days: 1, exceptionsPerDay: 10)
        let dataset = DemoDataset.generate(configuration)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reference-load-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FixtureWriter.write(dataset, to: folder)
        let sqlite = try AppDatabase.inMemory()
        let results = try await sqlite.loadReference(directory: folder)
        #expect(results.allSatisfy(\.errors.isEmpty) && results.map(\.file).contains("orders.jsonl"))
        let probe = try Probe(folder: folder, now: configuration.end)
        let expected = try await probe.reads(sqlite)
        #expect(expected.orders.allSatisfy { $0 != nil } && expected.candidates.contains { !$0.isEmpty })
        guard Backend.available.contains(.postgres) else { return }
        try await ReviewSeed.withEmptyStore(.postgres) { store in
            let postgres = try #require(store as? PostgresStore)
            #expect(try await postgres.loadReference(directory: folder) == results)
            #expect(try await probe.reads(postgres) == expected)
            _ = try await postgres.loadReference(directory: folder)
            #expect(try await probe.reads(postgres) == expected, "a second load replaces, never duplicates")
        }
    }
}

/// What the worker reads of the loaded reference data.
private struct Probe {
    let orders: [Order]
    let pos: [PurchaseOrder]
    let now: Date

    init(folder: URL, now: Date) throws {
        func values<T: Decodable>(_ name: String, _ type: T.Type) throws -> [T] {
            JSONLinesReader(data: try Data(contentsOf: folder.appendingPathComponent(name)), fileName: name)
                .decodeAll(type).values.map(\.value)
        }
        orders = Array(try values("orders.jsonl", Order.self).prefix(40))
        pos = Array(try values("purchase_orders.jsonl", PurchaseOrder.self).prefix(10))
        self.now = now
    }

    struct Reads: Equatable {
        var orders: [Order?] = []
        var byNumber: [Order?] = []
        var candidates: [[String]] = []
        var products: [Product] = []
        var suppliers: [Supplier] = []
        var pos: [PurchaseOrder?] = []
    }

    func reads(_ store: any WorkerReference) async throws -> Reads {
        var reads = Reads()
        let window = now.addingTimeInterval(-800 * 86_400)...now
        for order in orders {
            reads.orders.append(try await store.order(id: order.orderID))
            reads.byNumber.append(try await store.order(number: order.orderNumber))
            let query = CandidateQuery(
                nameTokens: CustomerKeys.nameTokens(order.customer.name), postcode: order.customer.address?.postcode,
                skus: order.lines.map(\.sku), placedBetween: window, limit: 50)
            reads.candidates.append(try await store.candidateOrders(query).map(\.orderID))
        }
        let pairs = orders.flatMap { $0.lines.flatMap { TextWords.pairs(TextWords.words($0.description)) } }
        reads.products = try await store.products(sharingPairs: pairs, limit: 100)
        reads.suppliers = try await store.suppliers()
        for po in pos { reads.pos.append(try await store.purchaseOrder(number: po.poNumber)) }
        return reads
    }
}
