import Foundation
import Testing
import TriageCore

@testable import TriageStore

@Suite struct OutboxRequeueTextTests {
    @Test func linesNameEachRequeuedMessageWithItsErrorThenThePendingOnesThenTheCount() async throws {
        let (database, folder) = try await OutboxAdminTests().mixedDatabase()
        defer {
            do { try FileManager.default.removeItem(at: folder) } catch { Issue.record(error, "cleanup") }
        }
        let result = try await database.requeueOutbox(ids: [1, 4], now: Date())
        let type = try #require(result.requeued.first?.messageType)
        #expect(OutboxText.requeueLines(result) == [
            "requeued #1 erp \(type) (was: answered HTTP 400)", "#4 is already pending", "1 requeued",
        ])
    }

    @Test func anEmptyRequeueIsJustTheCount() {
        #expect(OutboxText.requeueLines(OutboxRequeue()) == ["0 requeued"])
    }
}
