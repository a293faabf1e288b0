import Foundation
import Logging
import TriageCore
import TriageRules

/// Stores webhook exceptions durably before the sender hears back, and routes them after the answer is sent.
public struct WebhookIntake: Sendable {
    let context: ReviewContext

    /// What happened to each event: stored, or a duplicate of one stored before.
    struct Receipt: Encodable {
        var stored: Int
        var duplicates: Int
    }

    /// Inserts the exceptions in one transaction (duplicates on source and event id are skipped), then routes the new
    /// ones on a detached task so the sender's answer does not wait for routing.
    func accept(_ exceptions: [NewException]) throws -> Receipt {
        let now = context.now()
        let records = try context.routing.routingTransaction { transaction in
            try exceptions.compactMap { try transaction.insert($0, receivedAt: now) }
        }
        if !records.isEmpty {
            let (service, logger) = (RoutingService(table: context.table, store: context.routing), context.logger)
            Task.detached { Self.route(records, service: service, now: now, logger: logger) }
        }
        return Receipt(stored: records.count, duplicates: exceptions.count - records.count)
    }

    /// Routes exceptions stored before a stop that came between the answer and the routing; `triage serve` calls
    /// this on start. Returns how many it routed.
    @discardableResult
    static func routePending(_ context: ReviewContext) throws -> Int {
        let service = RoutingService(table: context.table, store: context.routing)
        var routed = 0
        while true {
            let records = try context.store.unroutedExceptions(limit: 500)
            guard !records.isEmpty else { return routed }
            guard route(records, service: service, now: context.now(), logger: context.logger) else { return routed }
            routed += records.count
        }
    }

    @discardableResult
    private static func route(_ records: [ExceptionRecord], service: RoutingService, now: Date, logger: Logger) -> Bool {
        do {
            _ = try service.store.routingTransaction { transaction in
                try service.route(stored: records, in: transaction, now: now)
            }
            return true
        } catch {
            logger.error("routing stored webhook exceptions failed; the next `triage serve` start retries them")
            return false
        }
    }
}
