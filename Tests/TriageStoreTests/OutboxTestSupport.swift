import Foundation
import Synchronization
import Testing
import TriageCore

@testable import TriageStore

/// A sink for some systems only, answering each with a fixed error or acceptance.
final class SystemsSink: OutboxSink {
    let errors: [String: DeliveryError?]
    let accepted = Mutex<[Int64]>([])

    /// `errors[system]` is nil to accept, an error to refuse; systems not listed are not handled.
    init(_ errors: [String: DeliveryError?]) { self.errors = errors }

    func handles(system: String) -> Bool { errors.keys.contains(system) }

    func deliver(_ message: OutboxMessage) async throws(DeliveryError) {
        if let error = errors[message.targetSystem] ?? nil { throw error }
        accepted.withLock { $0.append(message.id) }
    }
}

enum OutboxFixture {
    /// A database (a real SQLite file in a temp folder) with one message per entry of `systems`, ids 1, 2, ….
    static func database(systems: [String]) async throws -> (AppDatabase, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = try AppDatabase.open(path: folder.appendingPathComponent("t.sqlite").path)
        try await database.routingTransaction { tx in
            for (index, system) in systems.enumerated() {
                let exception = NewException(
                    source: system, eventID: "e\(index)", kind: .paymentDrift, occurredAt: Date())
                let record = try #require(try tx.insert(exception, receivedAt: Date()))
                let draft = OutboxDraft(
                    targetSystem: system, messageType: "order.release", payload: [:], idempotencyKey: "k\(index)")
                try tx.execute(
                    ActionPlan(action: "a", summary: "s", messages: [draft]), exceptionID: record.id,
                    at: Date(timeIntervalSince1970: 0))
            }
        }
        return (database, folder)
    }
}
