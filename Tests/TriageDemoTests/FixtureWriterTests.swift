import Foundation
import Testing
import TriageCore
import TriageDemo

@Suite struct FixtureWriterTests {
    static let small = DemoConfiguration(customers: 300, orders: 800, exceptionsPerDay: 60)

    private func written(_ configuration: DemoConfiguration) throws -> [String: Data] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "triage-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FixtureWriter.write(DemoDataset.generate(configuration), to: directory)
        var files: [String: Data] = [:]
        for name in FixtureWriter.fileNames {
            files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return files
    }

    @Test func sameSeedWritesIdenticalBytes() throws {
        let first = try written(Self.small)
        let second = try written(Self.small)
        #expect(first.count == FixtureWriter.fileNames.count)
        for name in FixtureWriter.fileNames {
            #expect(first[name] == second[name], "\(name)")
            #expect((first[name]?.count ?? 0) > 0, "\(name)")
        }
    }

    @Test func defaultDatasetEncodesIdenticallyWhenGeneratedAgain() throws {
        let again = DemoDataset.generate()
        #expect(try FixtureWriter.jsonLines(again.orders) == FixtureWriter.jsonLines(Shared.dataset.orders))
        let lines = { (dataset: DemoDataset) in try FixtureWriter.jsonLines(dataset.exceptions.map(ExceptionLine.init))
        }
        #expect(try lines(again) == lines(Shared.dataset))
    }

    @Test func differentSeedWritesDifferentBytes() throws {
        var other = Self.small
        other.seed = 43
        let first = try written(Self.small)
        let second = try written(other)
        #expect(first["orders.jsonl"] != second["orders.jsonl"])
        #expect(first["exceptions.jsonl"] != second["exceptions.jsonl"])
    }

    @Test func exceptionLinesUseTheContractKeysAndOmitNulls() throws {
        let data = try FixtureWriter.jsonLines(Shared.dataset.exceptions.map(ExceptionLine.init))
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == Shared.dataset.exceptions.count)
        let allowed: Set<String> = [
            "source", "event_id", "kind", "reason", "occurred_at", "order_number", "handling_minutes", "text",
            "payload",
        ]
        for line in lines.prefix(500) {
            let object = try JSONCoding.decode([String: JSONValue].self, from: String(line))
            #expect(Set(object.keys).isSubset(of: allowed))
            #expect(object.values.allSatisfy { !$0.isNull })
            #expect(object["occurred_at"]?.text.flatMap(ISODate.parse) != nil)
        }
        let decoded = try lines.prefix(200).map {
            try JSONCoding.decode(ExceptionLine.self, from: String($0)).exception
        }
        #expect(decoded == Array(Shared.dataset.exceptions.prefix(200)))
    }

    @Test func ordersDecodeBackAsContractFixtures() throws {
        let data = try FixtureWriter.jsonLines(Array(Shared.dataset.orders.prefix(300)))
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        let decoded = try lines.map { try JSONCoding.decode(Order.self, from: String($0)) }
        #expect(decoded == Array(Shared.dataset.orders.prefix(300)))
        #expect(lines.allSatisfy { !$0.contains("null") })
    }
}
