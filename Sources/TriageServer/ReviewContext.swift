import Foundation
import Logging
import TriageCore
import TriageMetrics
import TriageRules

/// What every route shares: the store, the rules (for traces and webhook routing), settings, a clock, a logger.
public struct ReviewContext: Sendable {
    /// The review store.
    public let store: any ReviewStore
    /// The routing store webhooks write through.
    public let routing: any RoutingStore
    /// The routing table in force.
    public let table: RoutingTable
    /// How the server runs.
    public let settings: ServerSettings
    /// The clock (tests pin it).
    public let now: @Sendable () -> Date
    /// Where errors are logged (never with secrets or bodies).
    public let logger: Logger
    /// Routes webhook exceptions after the answer; run it in the server's service group.
    public let webhookRouter: WebhookRouter
    /// Where `/metrics` reads the shared status; nil serves no `/metrics`.
    public let operations: (any OperationsStatusReading)?
    /// This process's own metrics, appended to `/metrics` when set.
    public let processMetrics: ProcessMetrics?

    /// Creates a context.
    public init(
        store: any ReviewStore, routing: any RoutingStore, table: RoutingTable, settings: ServerSettings,
        now: @escaping @Sendable () -> Date = Date.init, logger: Logger = Logger(label: "triage.server"),
        operations: (any OperationsStatusReading)? = nil, processMetrics: ProcessMetrics? = nil
    ) {
        self.operations = operations
        self.processMetrics = processMetrics
        self.store = store
        self.routing = routing
        self.table = table
        self.settings = settings
        self.now = now
        self.logger = logger
        webhookRouter = WebhookRouter(store: routing, table: table, now: now, logger: logger)
    }

    var auth: ReviewerAuth { ReviewerAuth(store: store, settings: settings, now: now) }

    /// Applies a verdict for `reviewer`.
    func decide(_ request: ReviewRequest, by reviewer: Reviewer) async throws -> ReviewOutcome {
        try await store.decide(request, by: reviewer, planner: ReviewPlanner(), now: now())
    }

    /// Accepts the gated rule plans of `cardIDs` for `reviewer`, each re-checked and decided in its own
    /// transaction under one batch id. AI suggestions, and cards that are not gated rule plans, are skipped.
    public func bulkAccept(_ cardIDs: [Int64], by reviewer: Reviewer) async throws -> BulkAcceptResult {
        guard cardIDs.count <= BulkAcceptResult.limit else {
            throw ReviewError.invalid("card: at most \(BulkAcceptResult.limit) cards in one bulk accept")
        }
        var result = BulkAcceptResult(batchID: "bulk-" + UUID().uuidString.prefix(8).lowercased())
        for cardID in Array(Set(cardIDs)).sorted() {
            do {
                let request = ReviewRequest(cardID: cardID, verdict: .accept, batchID: result.batchID)
                result.record(cardID: cardID, .success(try await decide(request, by: reviewer)))
            } catch let error as ReviewError {
                result.record(cardID: cardID, .failure(error))
            }
        }
        logger.info("bulk accept \(result.batchID) by \(reviewer.name): \(result.accepted.count) accepted, \(result.turnedToJudgment.count) to judgment, \(result.skipped.count) skipped")
        return result
    }

    /// A card with its rule trace. Viewing never locks (a GET changes nothing): `lock` does, from a POST.
    func view(cardID: Int64) async throws -> CardView {
        guard let context = try await store.cardContext(id: cardID, now: now()) else { throw ReviewError.cardNotFound(cardID) }
        return CardView(context: context, trace: trace(context))
    }

    /// Locks a card to `reviewer` for the configured time; returns when the lock ends.
    func lock(cardID: Int64, for reviewer: Reviewer) async throws -> Date {
        try await store.lockCard(id: cardID, reviewer: reviewer, until: now().addingTimeInterval(settings.lockSeconds), now: now())
    }

    /// The rule trace of a rule-made card, under the rules file in force.
    func trace(_ context: CardContext) -> String? {
        guard context.card.card.rule != nil else { return nil }
        return table.explain(context.exception).rendered()
    }
}

/// A card as the page and the API show it.
public struct CardView: Sendable, Encodable {
    /// The card and everything around it.
    public var context: CardContext
    /// The rule trace, for rule-made cards.
    public var trace: String?
}
