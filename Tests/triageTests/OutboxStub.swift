import Foundation
import Hummingbird
import Synchronization
import TriageCore
import TriageStore
import TriageTestSupport

/// What the stub received: the `X-Key` header of each accepted message.
final class StubInbox: Sendable {
    let keys = Mutex<[String]>([])
}

/// A loopback receiver: `POST /ok` accepts and records the `X-Key` header, `POST /refuse` answers 400,
/// `POST /unavailable` 503 (retried after a backoff).
func withOutboxStub(_ body: @Sendable (_ port: Int, _ inbox: StubInbox) async throws -> Void) async throws {
    let inbox = StubInbox()
    let router = Router()
    router.post("/ok") { request, _ -> Response in
        inbox.keys.withLock { $0.append(request.headers.first { $0.name.canonicalName == "x-key" }?.value ?? "") }
        return Response(status: .ok)
    }
    router.post("/refuse") { _, _ -> Response in Response(status: .badRequest) }
    router.post("/unavailable") { _, _ -> Response in Response(status: .serviceUnavailable) }
    try await LoopbackServer.run(router) { port in try await body(port, inbox) }
}

/// A database file in `folder` with one outbox message per entry of `systems` (ids 1, 2, …).
func outboxDatabase(in folder: URL, systems: [String]) async throws -> String {
    let path = folder.appendingPathComponent("data/triage.sqlite").path
    try FileManager.default.createDirectory(
        at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
    let database = try AppDatabase.open(path: path)
    try await database.routingTransaction { tx in
        for (index, system) in systems.enumerated() {
            let exception = NewException(source: system, eventID: "e\(index)", kind: .paymentDrift, occurredAt: Date())
            guard let record = try tx.insert(exception, receivedAt: Date()) else { continue }
            let draft = OutboxDraft(
                targetSystem: system, messageType: "order.release", payload: [:], idempotencyKey: "k\(index)")
            try tx.execute(ActionPlan(action: "a", summary: "s", messages: [draft]), exceptionID: record.id, at: Date())
        }
    }
    return path
}
