import Foundation
import Testing
import TriageCore
import TriageStore

/// The worker's reference reads, on SQLite and on a PostgreSQL copy of the same demo: candidate orders (by e-mail,
/// by name and postcode, by SKUs, in a window) and single orders come back the same, in the same order.
@Suite("Worker reference reads on every store", .timeLimit(.minutes(10)))
struct WorkerReferenceConformanceTests {
    @Test("candidate orders and single orders are the same on both stores")
    func readsAgree() async throws {
        let seeded = try await ReviewSeed.make()
        var orders: [Order] = []
        for item in try await seeded.sqlite.reviewQueue(QueueFilter(limit: 300), now: seeded.now) {
            let context = try #require(try await seeded.sqlite.cardContext(id: item.card.id, now: seeded.now))
            if let order = context.order { orders.append(order) }
            orders += context.candidateOrders
        }
        #expect(orders.count >= 40, "the seed's cards name orders")
        let window = seeded.now.addingTimeInterval(-400 * 86_400)...seeded.now
        let queries = orders.prefix(40).flatMap { order in
            [
                CandidateQuery(email: order.customer.email, placedBetween: window, limit: 50),
                CandidateQuery(
                    nameTokens: order.customer.name.lowercased().split(separator: " ").map(String.init),
                    postcode: order.customer.address?.postcode, placedBetween: window, limit: 100),
                CandidateQuery(skus: order.lines.map(\.sku), placedBetween: window, limit: 300),
            ]
        }
        let named = orders
        let expected = try await Self.reads(seeded.sqlite, queries: queries, orders: named)
        #expect(expected.candidates.filter { !$0.isEmpty }.count > queries.count / 2, "most queries find orders")
        guard Backend.available.contains(.postgres) else { return }
        try await seeded.on(.postgres) { store in
            let postgres = try #require(store as? any WorkerReference)
            let actual = try await Self.reads(postgres, queries: queries, orders: named)
            for (index, query) in queries.enumerated() where actual.candidates[index] != expected.candidates[index] {
                Issue.record(
                    "query \(index) (\(query)): \(actual.candidates[index].prefix(5)) against \(expected.candidates[index].prefix(5))"
                )
            }
            #expect(actual.byNumber == expected.byNumber && actual.byID == expected.byID)
        }
    }

    static func reads(
        _ store: any WorkerReference, queries: [CandidateQuery], orders: [Order]
    ) async throws -> (candidates: [[Order]], byNumber: [Order?], byID: [Order?]) {
        var candidates: [[Order]] = []
        for query in queries { candidates.append(try await store.candidateOrders(query)) }
        var (byNumber, byID): ([Order?], [Order?]) = ([], [])
        for order in orders.prefix(40) {
            byNumber.append(try await store.order(number: order.orderNumber))
            byID.append(try await store.order(id: order.orderID))
        }
        byNumber.append(try await store.order(number: "no-such-order"))
        return (candidates, byNumber, byID)
    }
}
