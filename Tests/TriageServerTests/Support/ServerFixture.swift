import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TriageCore
import TriageRules
import TriageServer
import TriageStore
import Testing

/// A real in-memory store with the contract suite's reference data, routed by the shipped rules file, three users,
/// and a warranty card pre-filled with a suggestion whose email contains markup and a script.
struct ServerFixture {
    static let now = ISODate.parse("2026-10-01T12:00:00Z")!
    static let shopifySecret = "shopify-test-secret"
    static let returnsSecret = "returns-test-secret"
    static let stripeSecret = "whsec_test_secret"
    static let adyenKey = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056"
    static let scriptEmail = "My kettle <b>stopped</b> working. <script>alert('owned')</script> Order #1001."

    let database: AppDatabase
    let table: RoutingTable
    let alice: String
    let bob: String
    let admin: String
    let warrantyCardID: Int64

    init() async throws {
        database = try AppDatabase.inMemory()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        _ = try ReferenceLoader(database: database).load(directory: root.appendingPathComponent("eval/contract-suite/fixtures"))
        table = try RoutingTable.load(contentsOf: root.appendingPathComponent("rules.yaml"))
        let claim = NewException(
            source: "mail", eventID: "mail-1", kind: .warrantyClaim, reason: "warranty_email", occurredAt: Self.now,
            text: Self.scriptEmail, payload: ["from": "maria.g@example.com"])
        _ = try await RoutingService(table: table, store: database).ingest([claim], now: Self.now)
        let job = try #require(try await database.claim(owner: "fixture", limit: 1, now: Self.now, leaseSeconds: 60).first)
        let suggestion = Suggestion(
            task: .warranty, action: "replace", parameters: ["order_number": .string("#1001"), "sku": .string("KET-200")],
            evidence: ["My kettle stopped working."], confidence: .high, model: "gemma-3-270m-it-Q4_K_M",
            promptVersion: "0123456789abcdef", flags: ["possible_injection"])
        _ = try await database.complete(job, with: suggestion, now: Self.now)
        warrantyCardID = try #require(try database.card(exceptionID: 1)?.id)
        alice = try await Self.user("alice", .reviewer, team: "customer_ops", database)
        bob = try await Self.user("bob", .reviewer, team: "finance", database)
        admin = try await Self.user("root", .admin, team: nil, database)
        context = ReviewContext(
            store: database, routing: database, table: table,
            settings: ServerSettings(
                shopifySecret: Self.shopifySecret, adyenHMACKey: Self.adyenKey, returnsSecret: Self.returnsSecret,
                stripeSecret: Self.stripeSecret),
            now: { Self.now })
    }

    private static func user(_ name: String, _ role: ReviewerRole, team: String?, _ database: AppDatabase) async throws -> String {
        let token = Secrets.newToken()
        _ = try await database.addUser(name: name, role: role, team: team, tokenHash: Secrets.hash(token), now: now)
        return token
    }

    /// One context per fixture, so its webhook router is the one `test` runs.
    let context: ReviewContext

    /// Runs `body` against the router (no socket), with a client, while the webhook router runs beside it as
    /// it does in `triage serve`; when `body` ends, the router finishes what it was handed.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let context = self.context
        let app = Application(router: try ReviewServer.router(context))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await context.webhookRouter.run() }
            try await app.test(.router, body)
            context.webhookRouter.finish()
            try await group.waitForAll()
        }
    }

    static func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }
    /// The body as a JSON value.
    var json: JSONValue? { try? JSONParser.parse(Array(text.utf8)) }
}
