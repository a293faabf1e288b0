import Crypto
import Foundation
import TriageCore

/// Stores webhook exceptions durably before the sender hears back, and hands the new ones to the router, so the
/// answer does not wait for routing.
struct WebhookIntake: Sendable {
    let context: ReviewContext

    /// One event and the SHA-256 of what its signature covers.
    struct Event {
        var exception: NewException
        var digest: String
    }

    /// What happened to each event: stored, or a duplicate of one stored before.
    struct Receipt: Encodable {
        var stored: Int
        var duplicates: Int
    }

    /// The hex SHA-256 of signed bytes: a replay of a captured body under fresh unsigned headers has the same one.
    static func digest(_ signed: Data) -> String {
        Hex.string(SHA256.hash(data: signed))
    }

    /// Inserts the exceptions in one transaction, then hands the new ones to the webhook router. An event is a
    /// duplicate when its source sent the same signed bytes before, or the same event id.
    func accept(_ events: [Event]) async throws -> Receipt {
        let now = context.now()
        let records = try await context.routing.routingTransaction { transaction in
            try events.compactMap { event -> ExceptionRecord? in
                guard try transaction.remember(digest: event.digest, source: event.exception.source, at: now) else {
                    return nil
                }
                return try transaction.insert(event.exception, receivedAt: now)
            }
        }
        context.webhookRouter.submit(records)
        return Receipt(stored: records.count, duplicates: events.count - records.count)
    }
}
