import Foundation
import Logging
import Testing
import TriageCore
import TriagePostgres
import TriageStore

/// `triage db copy`'s core: every table of a SQLite store into an empty PostgreSQL one, in one transaction.
@Suite("Copying a SQLite store into PostgreSQL", .timeLimit(.minutes(5)))
struct StoreCopyTests {
    @Test("rows and counts arrive, and new rows get ids after the copied ones", arguments: Backend.available.filter { $0 == .postgres })
    func copyThenEnqueue(backend: Backend) async throws {
        let source = try AppDatabase.inMemory()
        try await source.enqueue(AIQueueConformanceTests.intakes(2_500), now: AIQueueConformanceTests.now)
        try await backend.withStore { store in
            let target = try #require(store as? PostgresStore)
            let counts = try await StoreCopy(chunkSize: 700).copy(from: source, to: target)
            let byTable = Dictionary(uniqueKeysWithValues: counts.map { ($0.table, $0.target) })
            #expect(byTable["exceptions"] == 2_500 && byTable["cards"] == 2_500 && byTable["ai_jobs"] == 2_500)
            #expect(counts.allSatisfy { $0.source == $0.target })
            #expect(Set(counts.map(\.table)) == Set(try await source.tableNames()))
            // The sequences moved past the copied ids: intake after the copy stores new rows instead of colliding.
            #expect(try await target.enqueue(AIQueueConformanceTests.intakes(3, first: 2_500), now: Date()) == 3)
            #expect(try await target.jobCounts() == [.queued: 2_503])
        }
    }

    @Test("text with tabs, line breaks, backslashes and any script arrives as it was", arguments: Backend.available.filter { $0 == .postgres })
    func awkwardTextRoundTrips(backend: Backend) async throws {
        let texts = [
            "tab\there", "two\nlines", "windows\r\nline", "back\\slash \\N not null", "emoji 📦 and Zoë, Łódź, 東京",
            "quote ' and \" and ; DROP TABLE cards;", "",
        ]
        let source = try AppDatabase.inMemory()
        let intakes = texts.enumerated().map { index, text in
            WorkerIntake(
                exception: NewException(
                    source: "mail", eventID: "odd-\(index)", kind: .warrantyClaim, occurredAt: AIQueueConformanceTests.now,
                    handlingMinutes: 2.5, text: text, payload: ["from": "a\tb@example.com", "n": 3]),
                task: .warranty, team: "customer_ops", title: "Warranty claim")
        }
        try await source.enqueue(intakes, now: AIQueueConformanceTests.now)
        try await backend.withStore { store in
            let target = try #require(store as? PostgresStore)
            _ = try await StoreCopy().copy(from: source, to: target)
            for job in try await target.aiJobs() {
                let copied = try #require(try await target.exception(forJob: job))
                let original = try #require(try await source.exception(forJob: job))
                #expect(copied.exception == original.exception)
                #expect(copied.receivedAt == original.receivedAt)
            }
        }
    }

    @Test("a target that holds rows is refused and keeps what it had", arguments: Backend.available.filter { $0 == .postgres })
    func nonEmptyTargetIsRefused(backend: Backend) async throws {
        let source = try AppDatabase.inMemory()
        try await source.enqueue(AIQueueConformanceTests.intakes(5), now: AIQueueConformanceTests.now)
        try await backend.withStore { store in
            let target = try #require(store as? PostgresStore)
            try await target.enqueue(AIQueueConformanceTests.intakes(1, first: 100), now: AIQueueConformanceTests.now)
            await #expect(throws: StoreCopyError.self) { try await StoreCopy().copy(from: source, to: target) }
            #expect(try await target.jobCounts() == [.queued: 1])
        }
    }

    @Test("every SQLite table has a place in the copy order and a PostgreSQL table")
    func everyTableIsCopied() async throws {
        let tables = try await AppDatabase.inMemory().tableNames()
        #expect(Set(tables) == Set(StoreCopy.tableOrder))
    }
}
