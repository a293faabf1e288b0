import Foundation
import Logging
import Testing
import TriageCore
import TriageDemo
import TriagePostgres
import TriageRules
import TriageStore
import TriageWorker

/// A small demo in SQLite: generated, loaded and routed by the shipped rules, a sample of each AI task pre-filled by
/// the worker's checks (no model), and two reviewers. PostgreSQL stores get a copy of it (`StoreCopy`, ids kept).
struct ReviewSeed: Sendable {
    typealias Store = ReviewStore & RoutingStore & OutboxQueue & OutboxAdmin

    let sqlite: AppDatabase
    let now: Date
    let ana: Reviewer
    let bo: Reviewer
    /// The gated rule with the most cards awaiting confirmation.
    let gatedRule: String
    /// Texts a reviewer searches the queue for: an order number, an event id, an e-mail address, a title in capitals.
    let searches: [String]
    /// The week the feedback reads.
    let window: (from: Date, to: Date)

    static func make() async throws -> ReviewSeed {
        let configuration = DemoConfiguration(
            seed: 11, customers: 300, orders: 700, products: 60, suppliers: 6, purchaseOrders: 60, days: 3,
            exceptionsPerDay: 120)
        let now = configuration.end
        let dataset = DemoDataset.generate(configuration)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("review-seed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FixtureWriter.write(dataset, to: folder)
        let database = try AppDatabase.inMemory()
        _ = try ReferenceLoader(database: database).load(directory: folder)
        _ = try await RoutingService(table: try shippedRules(), store: database).ingest(dataset.exceptions, now: now)
        let engine = SuggestionEngine(reference: database, chat: nil, prompts: try PromptLibrary.embedded(), now: now)
        for task in AITask.allCases {
            let configuration = WorkerConfiguration(concurrency: 1, owner: "seed", limit: 15, once: true, task: task)
            _ = try await QueueWorker(queue: database, engine: engine, configuration: configuration, now: { now }).run()
        }
        let ana = try await database.addUser(
            name: "ana", role: .reviewer, team: nil, tokenHash: "h-ana", now: now)
        let bo = try await database.addUser(name: "bo", role: .reviewer, team: nil, tokenHash: "h-bo", now: now)
        let gated = try await database.gatedCounts().max { ($0.value, $1.key) < ($1.value, $0.key) }
        return ReviewSeed(
            sqlite: database, now: now, ana: ana, bo: bo, gatedRule: try #require(gated?.key),
            searches: try await searches(in: database, now: now),
            window: (now.addingTimeInterval(-7 * 86_400), now.addingTimeInterval(86_400)))
    }

    static func shippedRules() throws -> RoutingTable {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try RoutingTable.load(contentsOf: root.appendingPathComponent("rules.yaml"))
    }

    /// An open card's order number (with `#`), another's event id, a third's sender, and a word of a title in
    /// capitals (both stores match case-blind).
    private static func searches(in database: AppDatabase, now: Date) async throws -> [String] {
        var contexts: [CardContext] = []
        for item in try await database.reviewQueue(QueueFilter(limit: 300), now: now) {
            contexts.append(try #require(try await database.cardContext(id: item.card.id, now: now)))
        }
        let numbers = contexts.compactMap(\.exception.exception.orderNumber)
        let senders = contexts.compactMap { $0.exception.exception.payload["from"]?.text }
        let numbered = try #require(numbers.last)
        let event = try #require(contexts.dropFirst(7).first?.exception.exception.eventID)
        let sender = try #require(senders.last)
        let title = try #require(contexts.first?.card.card.title.split(separator: " ").first)
        return ["#" + numbered, event, sender, title.uppercased()]
    }

    /// Runs `body` on this seed in a store of `backend`: the SQLite seed itself, or a PostgreSQL copy of it.
    func on(_ backend: Backend, _ body: @Sendable (any Store) async throws -> Void) async throws {
        switch backend {
        case .sqlite: try await body(sqlite)
        case .postgres: try await Self.withEmptyStore(.postgres) { try await copy(into: $0, then: body) }
        }
    }

    /// Runs `body` with a PostgreSQL copy of this seed as it is now, when the tests have a PostgreSQL; nil otherwise.
    func withPostgresCopy(_ body: @Sendable ((any Store)?) async throws -> Void) async throws {
        guard Backend.available.contains(.postgres) else { return try await body(nil) }
        try await Self.withEmptyStore(.postgres) { try await copy(into: $0) { try await body($0) } }
    }

    private func copy(into store: any Store, then body: @Sendable (any Store) async throws -> Void) async throws {
        let target = try #require(store as? PostgresStore)
        _ = try await StoreCopy().copy(from: sqlite, to: target)
        try await body(target)
    }

    /// Runs `body` on a fresh, empty store of `backend`.
    static func withEmptyStore(_ backend: Backend, _ body: @Sendable (any Store) async throws -> Void) async throws {
        try await backend.withStore { store in
            switch store {
            case let store as AppDatabase: try await body(store)
            case let store as PostgresStore: try await body(store)
            default: Issue.record("unknown store \(type(of: store))")
            }
        }
    }
}
