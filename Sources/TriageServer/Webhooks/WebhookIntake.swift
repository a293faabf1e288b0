import Foundation
import TriageCore

/// Stores webhook exceptions durably before the sender hears back, and hands the new ones to the router, so the
/// answer does not wait for routing.
struct WebhookIntake: Sendable {
    let context: ReviewContext

    /// What happened to each event: stored, or a duplicate of one stored before.
    struct Receipt: Encodable {
        var stored: Int
        var duplicates: Int
    }

    /// Inserts the exceptions in one transaction (duplicates on source and event id are skipped), then hands the
    /// new ones to the webhook router.
    func accept(_ exceptions: [NewException]) throws -> Receipt {
        let now = context.now()
        let records = try context.routing.routingTransaction { transaction in
            try exceptions.compactMap { try transaction.insert($0, receivedAt: now) }
        }
        context.webhookRouter.submit(records)
        return Receipt(stored: records.count, duplicates: exceptions.count - records.count)
    }
}
