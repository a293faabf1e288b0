import Foundation
import Logging
import Testing
import TriageCore
import TriagePostgres
import TriageStore

/// A store under test: the AI queue, its intake, and what a test reads back.
protocol QueueStoreUnderTest: AIJobQueue, AIJobIntake {
    /// Every job in id order.
    func allJobs() async throws -> [AIJob]
    /// Each exception's card: status, summary and confidence.
    func cardsByException() async throws -> [Int64: (status: String, summary: String, confidence: String?)]
}

extension QueueStoreUnderTest {
    /// A claim with the test defaults: one job, a 60 s lease, any task, four attempts.
    func claim(
        _ owner: String, limit: Int = 1, at now: Date, lease: Double = 60, task: AITask? = nil, maxAttempts: Int = 4
    ) async throws -> [AIJob] {
        try await claim(owner: owner, limit: limit, now: now, leaseSeconds: lease, task: task, maxAttempts: maxAttempts)
    }
}

extension AppDatabase: QueueStoreUnderTest {
    func allJobs() async throws -> [AIJob] { try aiJobs() }

    func cardsByException() async throws -> [Int64: (status: String, summary: String, confidence: String?)] {
        var cards: [Int64: (status: String, summary: String, confidence: String?)] = [:]
        for stored in try self.cards(limit: 100_000) {
            cards[stored.card.exceptionID] = (
                stored.card.status.rawValue, stored.card.summary, stored.confidence?.rawValue
            )
        }
        return cards
    }
}

extension PostgresStore: QueueStoreUnderTest {
    func allJobs() async throws -> [AIJob] { try await aiJobs() }
    func cardsByException() async throws -> [Int64: (status: String, summary: String, confidence: String?)] {
        try await workerCards()
    }
}

/// The two stores every conformance test runs on. PostgreSQL needs `TRIAGE_TEST_POSTGRES` (a URL; `scripts/test`
/// starts `scripts/local-pg` and sets it). Where it is unset the PostgreSQL cases are left out, unless
/// `TRIAGE_REQUIRE_POSTGRES=1` (CI) keeps them in, to fail with the reason instead of passing unseen.
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    static var url: String? { ProcessInfo.processInfo.environment["TRIAGE_TEST_POSTGRES"] }

    static var available: [Backend] {
        let required = ProcessInfo.processInfo.environment["TRIAGE_REQUIRE_POSTGRES"] == "1"
        return url == nil && !required ? [.sqlite] : [.sqlite, .postgres]
    }

    var testDescription: String { rawValue }

    /// Runs `body` on a fresh, empty store of this kind: an in-memory SQLite database, or a new schema of the
    /// test database dropped afterwards.
    /// `logger`, when given, is the PostgreSQL store's (by default warnings only).
    func withStore<T: Sendable>(
        logger given: Logger? = nil, _ body: @Sendable (any QueueStoreUnderTest) async throws -> T
    ) async throws -> T {
        switch self {
        case .sqlite:
            return try await body(try AppDatabase.inMemory())
        case .postgres:
            guard let url = Self.url else {
                throw PostgresLocationError(description: "TRIAGE_TEST_POSTGRES is not set; run scripts/local-pg start")
            }
            var location = try PostgresLocation(url: url)
            location.schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            // The test process runs every suite at once on few threads; a call may wait for one, not for the server.
            location.callTimeout = .seconds(300)
            var logger = given ?? Logger(label: "test.postgres")
            if given == nil { logger.logLevel = .warning }
            try await PostgresStore.resetSchema(location, logger: logger)
            let result = try await PostgresStore.withStore(location, logger: logger) { try await body($0) }
            try await PostgresStore.dropSchema(location, logger: logger)
            return result
        }
    }
}
