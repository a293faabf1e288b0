import Foundation
import Logging
import TriageCore
import TriagePostgres
import TriageStore

/// Candidate-order retrieval latency: `candidateOrders(CandidateQuery)` over a large order book, with queries
/// built from random stored orders in the shapes the return-match and warranty tasks send.
public struct RetrievalBench: Sendable {
    /// Queries run before timing, so the first timed query does not pay for a cold statement cache.
    static let warmUp = 50

    let orders: Int
    let queries: Int
    let postgres: PostgresLocation?

    /// Creates the benchmark: `queries` timed queries over an order book of `orders` orders, on SQLite and, with
    /// `postgres`, the same queries on a PostgreSQL copy of the book.
    public init(orders: Int, queries: Int, postgres: PostgresLocation? = nil) {
        self.orders = orders
        self.queries = queries
        self.postgres = postgres
    }

    /// The benchmark's PostgreSQL location: the URL, in schema `triage_bench_orders` unless it names one.
    public static func postgresLocation(_ url: String) throws -> PostgresLocation {
        var location = try PostgresLocation(url: url)
        location.schema = location.schema ?? "triage_bench_orders"
        location.callTimeout = .seconds(3_600)
        return location
    }

    /// Builds (or reuses) the order book and prints latency quantiles per query shape, per store.
    public func run() async throws {
        print("bench worker retrieval: \(queries) candidateOrders queries over \(orders) orders")
        let database = try BenchOrderBook(orders: orders).open()
        let samples = try await BenchQueryMix(orders: orders).samples(count: queries + Self.warmUp, database: database)
        print("SQLite:")
        try await time(samples, on: database)
        guard let postgres else { return }
        var logger = Logger(label: "triage.bench")
        logger.logLevel = .warning
        try await PostgresStore.withStore(postgres, logger: logger) { store in
            try await copyBook(database, to: store)
            print("PostgreSQL (\(postgres.redacted)):")
            try await time(samples, on: store)
        }
    }

    /// Copies the order book into the PostgreSQL store unless it already holds it.
    private func copyBook(_ database: AppDatabase, to store: PostgresStore) async throws {
        if try await store.order(id: BenchQueryMix.orderID(orders)) != nil {
            print("  order book: already in PostgreSQL")
            return
        }
        let started = ContinuousClock.now
        let counts = try await StoreCopy(chunkSize: 20_000).copy(from: database, to: store)
        print(String(format: "  order book copied: %d rows in %.0f s", counts.map(\.target).reduce(0, +), BenchMachine.seconds(since: started)))
    }

    /// Times the queries on one store and prints the quantiles.
    private func time(_ samples: [BenchQuery], on database: any WorkerReference) async throws {
        for sample in samples.prefix(Self.warmUp) { _ = try await database.candidateOrders(sample.query) }
        var timings: [String: [Double]] = [:]
        var (found, sourced, recalled) = (0, 0, 0)
        for sample in samples.dropFirst(Self.warmUp) {
            let start = ContinuousClock.now
            let result = try await database.candidateOrders(sample.query)
            timings[sample.shape, default: []].append(BenchMachine.seconds(since: start) * 1000)
            found += result.count
            if let source = sample.sourceOrderID {
                sourced += 1
                if result.contains(where: { $0.orderID == source }) { recalled += 1 }
            }
        }
        for (shape, values) in timings.sorted(by: { $0.key < $1.key }) { print("  " + Self.line(shape, values)) }
        let all = timings.values.flatMap { $0 }
        print("  mean candidates returned: \(found / max(all.count, 1))")
        print(String(format: "  source order among the candidates: %d of %d (%.1f %%)", recalled, sourced,
                     100 * Double(recalled) / Double(max(sourced, 1))))
        let verdict = BenchMachine.quantile(all.sorted(), 0.95) <= 10 ? "met" : "missed"
        print("bench worker retrieval: " + Self.line("all", all) + " (goal p95 ≤ 10 ms: \(verdict))")
    }

    /// `shape: n queries, p50 … p95 … p99 … max … ms`.
    static func line(_ shape: String, _ values: [Double]) -> String {
        let sorted = values.sorted()
        let (p50, p95, p99) = (
            BenchMachine.quantile(sorted, 0.5), BenchMachine.quantile(sorted, 0.95), BenchMachine.quantile(sorted, 0.99)
        )
        return "\(shape): \(sorted.count) queries, "
            + String(format: "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms", p50, p95, p99, sorted.last ?? 0)
    }
}
