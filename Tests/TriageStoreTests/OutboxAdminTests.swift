import Foundation
import Testing
import TriageCore

@testable import TriageStore

@Suite(.timeLimit(.minutes(3))) struct OutboxAdminTests {
    /// Messages 1 (erp) and 3 (gateway) failed, 2 (erp) delivered, 4 (erp) pending.
    func mixedDatabase() async throws -> (AppDatabase, URL) {
        let (database, folder) = try await OutboxFixture.database(systems: ["erp", "erp", "gateway", "erp"])
        for id: Int64 in [1, 3] {
            var message = try #require(try database.outboxMessages().first { $0.id == id })
            message = OutboxDeliveryPolicy().failed(message, error: "answered HTTP 400", retryable: false, now: Date())
            try await database.saveDelivery(message, at: Date())
        }
        let second = try #require(try database.outboxMessages().first { $0.id == 2 })
        try await database.saveDelivery(OutboxDeliveryPolicy().delivered(second), at: Date())
        return (database, folder)
    }

    @Test func listFiltersByStateAndSystemAndCountsWhatTheLimitHides() async throws {
        let (database, folder) = try await mixedDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let failed = try await database.outboxEntries(OutboxFilter(state: .failed))
        #expect(failed.entries.map(\.message.id) == [1, 3])
        let erp = try await database.outboxEntries(OutboxFilter(system: "erp", limit: 2))
        #expect(erp.entries.map(\.message.id) == [1, 2])
        #expect(erp.total == 3)
        let table = OutboxText.table(erp.entries, total: erp.total)
        let lines = table.split(separator: "\n").map(String.init)
        #expect(
            lines[0].split(separator: " ") == ["ID", "SYSTEM", "TYPE", "STATE", "ATTEMPTS", "NEXT", "ATTEMPT", "LAST", "ERROR", "CREATED"])
        let stateColumn = try #require(lines[0].range(of: "STATE")).lowerBound.utf16Offset(in: lines[0])
        #expect(try #require(lines[1].range(of: "failed")).lowerBound.utf16Offset(in: lines[1]) == stateColumn)
        #expect(table.contains("answered HTTP 400"))
        #expect(table.hasSuffix("showing 2 of 3 (--limit N for more)"))
    }

    @Test func listJSONHasOneObjectPerLine() async throws {
        let (database, folder) = try await mixedDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try await OutboxText.jsonLines(database.outboxEntries(OutboxFilter(state: .failed)).entries)
            .split(separator: "\n")
        #expect(lines.count == 2)
        let first = try JSONCoding.decode(JSONValue.self, from: String(lines[0]))
        #expect(first["id"] == 1)
        #expect(first["system"] == "erp")
        #expect(first["state"] == "failed")
        #expect(first["last_error"] == "answered HTTP 400")
    }

    @Test func retryPutsFailedMessagesBackToPendingWithAttemptsResetAndTheErrorKept() async throws {
        let (database, folder) = try await mixedDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let now = Date(timeIntervalSince1970: 1_000)
        let result = try await database.requeueOutbox(ids: [1, 4], now: now)
        #expect(result.requeued.map(\.id) == [1])
        #expect(result.alreadyPending == [4])
        let first = try #require(try database.outboxMessages().first { $0.id == 1 })
        #expect(first.state == .pending)
        #expect(first.attempts == 0)
        #expect(first.nextAttemptAt == now)
        #expect(first.lastError == "answered HTTP 400")
        let claimed = try await database.claimOutbox(
            owner: "test", systems: [first.targetSystem], now: now, limit: 100, leaseSeconds: 60)
        #expect(claimed.map(\.id).contains(1))
    }

    @Test func retryOfAnUnknownOrDeliveredIdChangesNothing() async throws {
        let (database, folder) = try await mixedDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        await #expect(throws: OutboxRequeueError.unknown([99])) { try await database.requeueOutbox(ids: [1, 99], now: Date()) }
        await #expect(throws: OutboxRequeueError.delivered([2])) { try await database.requeueOutbox(ids: [1, 2], now: Date()) }
        #expect(try database.outboxMessages(state: .failed).map(\.id) == [1, 3])
        #expect(OutboxRequeueError.unknown([99]).description.contains("99"))
    }

    @Test func retryAllFailedCanBeLimitedToOneSystem() async throws {
        let (database, folder) = try await mixedDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try await database.requeueFailedOutbox(system: "gateway", now: Date()).requeued.map(\.id) == [3])
        #expect(try database.outboxMessages(state: .failed).map(\.id) == [1])
        #expect(try await database.requeueFailedOutbox(system: nil, now: Date()).requeued.map(\.id) == [1])
        #expect(try database.outboxMessages(state: .failed).isEmpty)
    }
}
