import Foundation
import GRDB
import Testing
import TriageCore

@testable import TriageStore

@Suite(.timeLimit(.minutes(3))) struct AppDatabaseTests {
    @Test func migratesARealFileAndReopensWithoutReapplying() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triage-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("triage.sqlite").path
        let first = try AppDatabase.open(path: path)
        let applied = try first.appliedMigrations()
        #expect(applied.starts(with: ["v1-exception-log", "v1-reference-data", "v1-cards-outbox-queue"]))
        let mode = try first.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let second = try AppDatabase.open(path: path)
        #expect(try second.appliedMigrations() == applied)
        let exceptions = try second.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM exceptions") }
        #expect(exceptions == 0)
    }

    @Test func duplicateExceptionIsIgnoredOnSourceAndEventID() async throws {
        let database = try AppDatabase.inMemory()
        let exception = NewException(
            source: "gateway", eventID: "e1", kind: .paymentDrift, occurredAt: Date(timeIntervalSince1970: 0))
        let ids = try await database.routingTransaction { tx in
            [try tx.insert(exception, receivedAt: Date())?.id, try tx.insert(exception, receivedAt: Date())?.id]
        }
        #expect(ids[0] != nil)
        #expect(ids[1] == nil)
        #expect(try database.counts()["exceptions"] == 1)
    }

    @Test func executingAPlanTwiceWritesEachOutboxMessageOnce() async throws {
        let database = try AppDatabase.inMemory()
        let message = OutboxDraft(
            targetSystem: "storefront", messageType: "order.release", payload: ["order_number": "1"],
            idempotencyKey: "release-gateway-e1")
        let plan = ActionPlan(action: "release_order", summary: "Release", messages: [message])
        try await database.routingTransaction { tx in
            let record = try #require(
                try tx.insert(
                    NewException(source: "gateway", eventID: "e1", kind: .paymentDrift, occurredAt: Date()),
                    receivedAt: Date()))
            try tx.execute(plan, exceptionID: record.id, at: Date())
            try tx.execute(plan, exceptionID: record.id, at: Date())
        }
        #expect(try database.outboxMessages().map(\.idempotencyKey) == ["release-gateway-e1"])
    }

    @Test func secondCardForOneExceptionIsNotWritten() async throws {
        let database = try AppDatabase.inMemory()
        let stored = try await database.routingTransaction { tx in
            let record = try #require(
                try tx.insert(
                    NewException(source: "s", eventID: "1", kind: .addressHold, occurredAt: Date()), receivedAt: Date()))
            let card = NewCard(
                exceptionID: record.id, kind: .addressHold, decisionType: .judgment, status: .open, team: "fulfillment",
                title: "t", summary: "first", createdAt: Date())
            var second = card
            second.summary = "second"
            return [try tx.writeCard(card), try tx.writeCard(second)]
        }
        #expect(stored[0] == stored[1])
        #expect(try database.card(id: stored[0])?.card.summary == "first")
    }
}
