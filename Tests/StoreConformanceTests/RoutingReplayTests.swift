import Foundation
import Logging
import Synchronization
import Testing
import TriageCore
import TriageDemo
import TriagePostgres
import TriageRules
import TriageStore

/// PostgreSQL routes a batch by running its body on memory and replaying it until every statement it issues is
/// answered (`StatementReplay`): the cards must be SQLite's, and a batch of many SKUs, orders and types must cost a
/// handful of runs, not one per thing it reads.
@Suite("Routing a batch on PostgreSQL without blocking a thread")
struct RoutingReplayTests {
    @Test("a batch of 1,200 exceptions gets SQLite's cards, its body run at most six times")
    func batchRoutesLikeSQLiteInAFewRuns() async throws {
        guard Backend.available.contains(.postgres) else { return }
        let configuration = DemoConfiguration(
            seed: 23, customers: 250, orders: 600, products: 300, suppliers: 5, purchaseOrders: 40, days: 3,
            exceptionsPerDay: 400)
        let dataset = DemoDataset.generate(configuration)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FixtureWriter.write(dataset, to: folder)
        let reference = try AppDatabase.inMemory()
        _ = try ReferenceLoader(database: reference).load(directory: folder)
        let sqlite = try AppDatabase.inMemory()
        _ = try ReferenceLoader(database: sqlite).load(directory: folder)
        let table = try ReviewSeed.shippedRules()
        let now = configuration.end
        let expected = try await RoutingService(table: table, store: sqlite).ingest(dataset.exceptions, now: now)
        let expectedCards = try await sqlite.cardsByException()

        let runs = RunLog()
        var logger = Logger(label: "test.replay") { _ in runs }
        logger.logLevel = .debug
        try await Backend.postgres.withStore(logger: logger) { store in
            let postgres = try #require(store as? PostgresStore)
            _ = try await StoreCopy().copy(from: reference, to: postgres)
            let summary = try await RoutingService(table: table, store: postgres).ingest(dataset.exceptions, now: now)
            #expect(summary == expected)
            let cards = try await postgres.cardsByException()
            #expect(cards.count == expectedCards.count)
            for (id, card) in expectedCards {
                #expect(cards[id]?.status == card.status, "exception \(id)")
                #expect(cards[id]?.summary == card.summary, "exception \(id)")
            }
        }
        let counted = runs.runs
        #expect(counted.count == 2, "the batch's transaction, then its cascade check's: \(counted)")
        #expect(counted.allSatisfy { $0 <= 6 }, "runs of each body: \(counted)")
    }
}

/// Keeps the `runs` of each routing transaction the store logs at debug level.
private final class RunLog: LogHandler, Sendable {
    private let seen = Mutex<[Int]>([])
    var runs: [Int] { seen.withLock { $0 } }

    func log(event: LogEvent) {
        guard event.message.description == "routing transaction committing",
            let runs = event.metadata?["runs"].flatMap({ Int($0.description) })
        else { return }
        seen.withLock { $0.append(runs) }
    }

    subscript(metadataKey _: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }
    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }
    var logLevel: Logger.Level {
        get { .debug }
        set {}
    }
}
