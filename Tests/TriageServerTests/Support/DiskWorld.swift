import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TriageCore
import TriageRules
import TriageServer
import TriageStore
import TriageWorker

/// A real SQLite file in WAL mode in a temporary folder, with reference data, users and a queue of AI jobs.
struct DiskWorld {
    let folder: URL
    let database: AppDatabase
    let context: ReviewContext
    let token: String
    let cardIDs: [Int64]

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    init() async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("triage-concurrency-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = try Self.open(folder.appendingPathComponent("triage.sqlite").path)
        let fixtures = Self.root.appendingPathComponent("eval/contract-suite/fixtures")
        _ = try ReferenceLoader(database: database).load(directory: fixtures)
        let table = try RoutingTable.load(contentsOf: Self.root.appendingPathComponent("rules.yaml"))
        _ = try await RoutingService(table: table, store: database).ingest(Self.claims(), now: ServerFixture.now)
        token = Secrets.newToken()
        _ = try await database.addUser(
            name: "alice", role: .reviewer, team: "customer_ops", tokenHash: Secrets.hash(token), now: ServerFixture.now)
        cardIDs = try database.cards(limit: 1_000).map(\.id)
        context = ReviewContext(
            store: database, routing: database, table: table,
            settings: ServerSettings(shopifySecret: "s", adyenHMACKey: ServerFixture.adyenKey, returnsSecret: "r"),
            now: { ServerFixture.now })
    }

    /// Opens the file as production does: a WAL pool with a 10 s busy timeout.
    static func open(_ path: String) throws -> AppDatabase {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        return try AppDatabase(DatabasePool(path: path, configuration: configuration))
    }

    /// Warranty e-mails the rules send to the AI queue, one job each.
    static func claims() -> [NewException] {
        (0..<ConcurrentRequestsTests.jobs).map { index in
            NewException(
                source: "mail", eventID: "mail-\(index)", kind: .warrantyClaim, reason: "warranty_email",
                occurredAt: ServerFixture.now, text: "My kettle stopped working after a month. Order #1001.",
                payload: ["from": "maria.g@example.com"])
        }
    }

    /// The worker with the deterministic engine (no model), draining the queue once.
    func worker() throws -> QueueWorker {
        let engine = SuggestionEngine(reference: database, chat: nil, prompts: try PromptLibrary.embedded())
        return QueueWorker(
            queue: database, engine: engine, configuration: WorkerConfiguration(concurrency: 4, owner: "test", once: true))
    }

    /// Sends `count` reads at once through the router; how many were answered 200. A failed request fails the test.
    func answered(_ count: Int) async throws -> Int {
        let app = Application(router: try ReviewServer.router(context))
        let (uris, headers) = (requestURIs(count), ServerFixture.bearer(token))
        return try await app.test(.router) { client in
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for uri in uris {
                    group.addTask {
                        let response = try await client.execute(uri: uri, method: .get, headers: headers)
                        #expect(response.status == .ok, "\(uri)")
                        return response.status == .ok
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
        }
    }

    /// A mix of the API's reads: who am I, the queue, and single cards.
    private func requestURIs(_ count: Int) -> [String] {
        (0..<count).map { index in
            switch index % 3 {
            case 0: "/api/v1/me"
            case 1: "/api/v1/cards?limit=20"
            default: "/api/v1/cards/\(cardIDs[index % cardIDs.count])"
            }
        }
    }

    /// Deletes the folder.
    func remove() {
        do {
            try FileManager.default.removeItem(at: folder)
        } catch {
            Issue.record("cannot remove \(folder.path): \(error)")
        }
    }
}
