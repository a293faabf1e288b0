import Foundation
import Testing
import TriageCore

@testable import TriageStore

@Suite(.timeLimit(.minutes(3))) struct ReferenceLoaderTests {
    static let order =
        #"{"order_id":"o1","order_number":"100001","customer":{"name":"Ada Byron","email":"ada@example.com","address":{"postcode":"SW1A 1AA","country":"GB"}},"placed_at":"2026-10-01T10:00:00Z","currency":"GBP","total":"30.00","lines":[{"sku":"K1","description":"Kettle","qty":2,"unit_price":"15.00"}],"status":"delivered","delivered_at":"2026-10-03","ignored_key":1}"#

    func fixtureDirectory(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fixtures-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        return directory
    }

    @Test func loadsOrdersWithLinesAndRejectsBadLinesByField() async throws {
        let bad = #"{"order_id":"o2","order_number":"100002","customer":{},"placed_at":"2026-10-01","currency":"GBP","total":"1","lines":[],"status":"x"}"#
        let directory = try fixtureDirectory(["orders.jsonl": [Self.order, bad, "{oops"].joined(separator: "\n")])
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try AppDatabase.inMemory()
        let results = try ReferenceLoader(database: database).load(directory: directory)
        #expect(results.first?.loaded == 1)
        #expect(results.first?.errors.map(\.line) == [2, 3])
        #expect(results.first?.errors.first?.field == "customer.name")
        let order = try await database.routingTransaction { try $0.order(number: "100001") }
        #expect(order?.lines.first?.unitPrice == Money(cents: 1500))
        #expect(order?.customer.address?.postcode == "SW1A 1AA")
        #expect(order?.deliveredAt != nil)
    }

    @Test func loadingTheSameFilesTwiceDoesNotDuplicate() throws {
        let directory = try fixtureDirectory([
            "orders.jsonl": Self.order,
            "products.jsonl": #"{"sku":"K1","description":"Kettle","category":"home","warranty_months":24,"return_window_days":30}"#,
            "inventory.jsonl": #"{"sku":"K1","system":"wms","quantity":4}"#,
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try AppDatabase.inMemory()
        let loader = ReferenceLoader(database: database)
        _ = try loader.load(directory: directory)
        _ = try loader.load(directory: directory)
        let counts = try database.counts()
        #expect(counts["orders"] == 1)
        #expect(counts["products"] == 1)
        #expect(counts["inventory"] == 1)
        #expect(counts["customers"] == 1)
    }
}
