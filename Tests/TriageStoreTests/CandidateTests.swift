import Foundation
import Testing
import TriageCore
@testable import TriageStore

@Suite("Candidate blocking on AppDatabase", .timeLimit(.minutes(3)))
struct CandidateTests {
    static func order(_ id: String, name: String, email: String?, postcode: String?, sku: String, placed: String) -> Order {
        Order(
            orderID: id, orderNumber: "n-\(id)",
            customer: Customer(name: name, email: email, phone: "+1 512 555 01\(id.suffix(2))",
                               address: postcode.map { Address(postcode: $0, country: "GB") }),
            placedAt: ISODate.parse(placed) ?? Date(), currency: "GBP", total: Money(cents: 1000),
            lines: [OrderLine(sku: sku, description: "Thing \(sku)", qty: 1, unitPrice: Money(cents: 1000))],
            status: "delivered")
    }

    static func database() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        try database.writer.write { db in
            try OrderRow.insert(order("o-01", name: "José Álvarez", email: "ja@example.com", postcode: "M1 1AE", sku: "A-1", placed: "2026-01-10"), db: db)
            try OrderRow.insert(order("o-02", name: "Ada Byron", email: "ada@example.com", postcode: "SW1A 1AA", sku: "B-2", placed: "2026-02-10"), db: db)
            try OrderRow.insert(order("o-03", name: "Ada King", email: nil, postcode: nil, sku: "C-3", placed: "2025-01-10"), db: db)
        }
        return database
    }

    func ids(_ query: CandidateQuery) async throws -> [String] {
        try await Self.database().candidateOrders(query).map(\.orderID)
    }

    @Test("finds the order by e-mail, case-insensitively")
    func byEmail() async throws {
        #expect(try await ids(CandidateQuery(email: "ADA@example.com")) == ["o-02"])
    }

    @Test("finds orders by a folded name token")
    func byNameToken() async throws {
        #expect(try await ids(CandidateQuery(nameTokens: ["jose"])) == ["o-01"])
        #expect(Set(try await ids(CandidateQuery(nameTokens: ["ada"]))) == ["o-02", "o-03"])
    }

    @Test("finds the order by postcode written without spacing")
    func byPostcode() async throws {
        #expect(try await ids(CandidateQuery(postcode: "m11ae")) == ["o-01"])
    }

    @Test("finds the order by SKU and by phone digits")
    func bySkuAndPhone() async throws {
        #expect(try await ids(CandidateQuery(skus: ["C-3"])) == ["o-03"])
        #expect(try await ids(CandidateQuery(phoneDigits: "5125550102")) == ["o-02"])
    }

    @Test("respects the date window and the limit, most matching keys first")
    func windowAndLimit() async throws {
        let window = (ISODate.parse("2026-01-01") ?? Date())...(ISODate.parse("2026-12-31") ?? Date())
        #expect(try await ids(CandidateQuery(nameTokens: ["ada"], placedBetween: window)) == ["o-02"])
        #expect(try await ids(CandidateQuery(email: "ada@example.com", nameTokens: ["ada"], limit: 1)) == ["o-02"])
        #expect(try await ids(CandidateQuery()) == [])
    }

    @Test("a weak key contributes its newest limit÷3 orders; a token pair still finds the older exact name")
    func perKeyCapAndPairs() async throws {
        let database = try AppDatabase.inMemory()
        try await database.writer.write { db in
            try OrderRow.insert(Self.order("o-00", name: "John Smith", email: nil, postcode: nil, sku: "X-0", placed: "2026-01-01"), db: db)
            for day in 10...29 {
                try OrderRow.insert(Self.order("o-\(day)", name: "John Doe\(day)", email: nil, postcode: nil, sku: "X-\(day)", placed: "2026-01-\(day)"), db: db)
            }
        }
        let onlyJohn = try await database.candidateOrders(CandidateQuery(nameTokens: ["john"], limit: 9)).map(\.orderID)
        #expect(onlyJohn == ["o-29", "o-28", "o-27"])
        let johnSmith = try await database.candidateOrders(CandidateQuery(nameTokens: ["john", "smith"], limit: 9))
        #expect(johnSmith.first?.orderID == "o-00")
        #expect(johnSmith.first?.lines.map(\.sku) == ["X-0"])
    }

    @Test("keys combine name tokens, postcode, phone and SKUs")
    func customerKeys() {
        let keys = CustomerKeys(name: "Ada King", phone: "+44 20 7946 0018", postcode: "sw1a 1aa").keys(skus: ["B-2"])
        #expect(keys == [
            "n:ada", "n:king", "nn:ada|king", "nz:ada|SW1A1AA", "nz:king|SW1A1AA", "p:2079460018", "z:SW1A1AA", "s:B-2",
        ])
    }

    @Test("the index migration keys orders stored before it")
    func migrationApplied() async throws {
        #expect(try AppDatabase.inMemory().appliedMigrations().contains("v3-candidate-keys"))
    }
}
