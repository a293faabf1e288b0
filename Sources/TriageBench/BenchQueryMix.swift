import Foundation
import TriageCore
import TriageDemo
import TriageStore

/// One timed retrieval: the query and the shape it was built in.
struct BenchQuery: Sendable {
    let shape: String
    let query: CandidateQuery
    /// The order the query was built from; nil for the no-match shape.
    var sourceOrderID: String? = nil
}

extension BenchQuery {
    /// The shape whose details belong to no stored order.
    static let noMatchShape = "no match (return)"
}

/// Builds candidate queries from random stored orders, in the shapes the worker's tasks send: the warranty task's
/// e-mail lookup (five-year window, 50 candidates) and the return-match task's mixes (400-day window, 300).
struct BenchQueryMix {
    let orders: Int

    /// `count` queries cycling through the shapes, drawn from orders picked with a fixed seed.
    /// The id of the order book's order number `serial` (1-based).
    static func orderID(_ serial: Int) -> String {
        "ord_" + String(repeating: "0", count: max(0, 6 - String(serial).count)) + String(serial)
    }

    func samples(count: Int, database: AppDatabase) async throws -> [BenchQuery] {
        var random = DemoRandom(seed: 7, stream: "bench-retrieval")
        var samples: [BenchQuery] = []
        while samples.count < count {
            let serial = Int.random(in: 1...orders, using: &random)
            let id = Self.orderID(serial)
            guard let order = try await database.order(id: id) else { throw BenchError("order book has no order \(id)") }
            let received = order.placedAt.addingTimeInterval(Double(Int.random(in: 5...60, using: &random)) * 86_400)
            var sample = Self.query(samples.count % 5, order: order, received: received)
            if sample.shape != BenchQuery.noMatchShape { sample.sourceOrderID = order.orderID }
            samples.append(sample)
        }
        return samples
    }

    /// The query of shape `index` for a return or claim about `order`, received at `received`.
    static func query(_ index: Int, order: Order, received: Date) -> BenchQuery {
        guard index > 0 else {
            let window = received.addingTimeInterval(-5 * 365 * 86_400)...received
            return BenchQuery(
                shape: "email (warranty)",
                query: CandidateQuery(email: order.customer.email, placedBetween: window, limit: 50))
        }
        let window = received.addingTimeInterval(-400 * 86_400)...received.addingTimeInterval(86_400)
        var query = CandidateQuery(placedBetween: window, limit: 300)
        let customer = order.customer
        let name = customer.name.lowercased().split(separator: " ").map(String.init)
        switch index {
        case 1:
            (query.nameTokens, query.postcode) = (name, customer.address?.postcode)
            return BenchQuery(shape: "name+postcode (return)", query: query)
        case 2:
            (query.nameTokens, query.skus) = (name, order.lines.prefix(1).map(\.sku))
            return BenchQuery(shape: "sku+name (return)", query: query)
        case 3:
            (query.email, query.nameTokens, query.postcode) = (customer.email, name, customer.address?.postcode)
            (query.phoneDigits, query.skus) = (
                customer.phone?.filter(\.isWholeNumber), order.lines.prefix(1).map(\.sku)
            )
            return BenchQuery(shape: "full (return)", query: query)
        default:
            query.email = "nobody.\(order.orderNumber)@nowhere.example"
            (query.nameTokens, query.postcode) = (["zbigniew", "novakowski"], "ZZ9 9ZZ")
            return BenchQuery(shape: BenchQuery.noMatchShape, query: query)
        }
    }
}
