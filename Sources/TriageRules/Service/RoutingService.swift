import Foundation
import TriageCore

/// Stores incoming exceptions and routes each one through the routing table, writing its card, executing
/// auto plans and queueing unstructured work, all in one write transaction per batch.
public struct RoutingService: Sendable {
    /// The routing table.
    public let table: RoutingTable
    /// The store the service writes through.
    public let store: any RoutingStore

    /// Creates a service.
    public init(table: RoutingTable, store: any RoutingStore) {
        self.table = table
        self.store = store
    }

    /// Stores and routes a batch in one transaction; duplicates (same source and event id) are counted and
    /// skipped, so ingesting the same batch twice changes nothing. Then raises the cascades the batch completes.
    public func ingest(_ batch: [NewException], now: Date) async throws -> RoutingSummary {
        let (summary, stored) = try await store.routingTransaction { transaction in
            var summary = RoutingSummary()
            var stored: [ExceptionRecord] = []
            for record in try transaction.insert(batch, receivedAt: now) {
                guard let record else {
                    summary.countDuplicate()
                    continue
                }
                stored.append(record)
            }
            summary.merge(try route(stored: stored, in: transaction, now: now))
            return (summary, stored)
        }
        var total = summary
        total.merge(try await raiseCascades(after: stored, now: now))
        return total
    }

    /// Routes exceptions stored in this transaction (or stored earlier without a card) and adds them to the hourly
    /// counts; once the transaction commits, `raiseCascades(after:now:)` checks those counts (on a store with one
    /// writer, this transaction checks them).
    public func route(stored records: [ExceptionRecord], in transaction: any RoutingTransaction, now: Date) throws
        -> RoutingSummary
    {
        var summary = RoutingSummary()
        try transaction.reserveOrders(Set(records.compactMap(\.orderNumber)))
        for record in records {
            if try join(record, in: transaction, now: now) {
                summary.countJoined(record)
                continue
            }
            summary.count(try routeIsolated(record, in: transaction, now: now))
        }
        try CascadeWatch(policy: table.review).count(records, in: transaction)
        if store.writesOneAtATime { summary.merge(try raiseCascades(after: records, in: transaction, now: now)) }
        return summary
    }

    /// Raises one escalated card per cascade that committed `records` complete: an hourly count far above the
    /// source's usual for that type. On a store with several writers this is a transaction of its own, after the
    /// routing one has committed, so it reads every process's counts and holds no lock while a batch routes; the
    /// cascade's event id names its hour, so two processes checking at once store it once. A store with one writer
    /// checked them in the routing transaction (nothing to do here).
    public func raiseCascades(after records: [ExceptionRecord], now: Date) async throws -> RoutingSummary {
        guard !store.writesOneAtATime, records.contains(where: { $0.exception.kind != .integrationFailure }) else {
            return RoutingSummary()
        }
        return try await store.routingTransaction { transaction in
            try raiseCascades(after: records, in: transaction, now: now)
        }
    }

    private func raiseCascades(after records: [ExceptionRecord], in transaction: any RoutingTransaction, now: Date) throws
        -> RoutingSummary
    {
        var summary = RoutingSummary()
        for cascade in try CascadeWatch(policy: table.review).check(records, in: transaction) {
            guard let record = try transaction.insert(cascade, receivedAt: now) else { continue }
            summary.countCascade(try routeIsolated(record, in: transaction, now: now))
        }
        return summary
    }

    /// Routes one stored exception in a savepoint. When routing it fails, what it wrote is undone and it gets an
    /// escalated card naming the error instead, so one bad row never blocks (or rolls back) the rows behind it.
    func routeIsolated(_ record: ExceptionRecord, in transaction: any RoutingTransaction, now: Date) throws -> NewCard {
        do {
            return try transaction.isolated { try route(existing: record, in: transaction, now: now) }
        } catch {
            let team = table.team(for: .integrationFailure)
            let card = CardFactory(record: record, team: team, now: now).unroutable(error: error)
            try transaction.writeCard(card)
            return card
        }
    }

    /// A second exception of the same kind and reason for an order whose card is still undecided joins that card
    /// (the link is its history) instead of raising a second card that could be executed twice.
    func join(_ record: ExceptionRecord, in transaction: any RoutingTransaction, now: Date) throws -> Bool {
        guard record.exception.kind != .integrationFailure, let number = record.orderNumber,
            let cardID = try transaction.openCard(like: record, orderNumber: number)
        else { return false }
        try transaction.link(exceptionID: record.id, toCard: cardID, at: now)
        return true
    }

    /// Routes a stored exception inside `transaction`: writes its card (and executes or enqueues as the rule
    /// says) and returns the card.
    @discardableResult
    public func route(existing record: ExceptionRecord, in transaction: any RoutingTransaction, now: Date) throws
        -> NewCard
    {
        let card = try card(for: record, decision: table.route(record), in: transaction, now: now)
        try transaction.writeCard(card)
        return card
    }

    /// The card for a decision; executes an auto plan and enqueues unstructured work on the way.
    func card(for record: ExceptionRecord, decision: RoutingDecision, in transaction: any RoutingTransaction, now: Date)
        throws -> NewCard
    {
        let cards = CardFactory(record: record, team: table.team(for: record.exception.kind), now: now)
        guard let rule = decision.rule else { return cards.judgment(summary: "No rule matched; a person decides") }
        switch decision.decisionType {
        case .binary:
            return try binaryCard(record, rule: rule, cards: cards, in: transaction, now: now)
        case .escalated:
            let occurrences = try escalationCount(record, in: transaction)
            return cards.escalated(rule: rule, occurrences: occurrences)
        case .unstructured:
            guard let task = rule.task else {
                return cards.judgment(summary: "Rule \(rule.id) names no AI task", rule: rule)
            }
            try transaction.enqueue(exceptionID: record.id, task: task, at: now)
            return cards.awaitingWorker(rule: rule, task: task)
        case .judgment:
            return cards.judgment(summary: "Rule \(rule.id): a person decides", rule: rule)
        }
    }

    /// Plans the rule's action and applies its mode: auto executes, gated awaits confirmation, shadow records.
    private func binaryCard(
        _ record: ExceptionRecord, rule: Rule, cards: CardFactory, in transaction: any RoutingTransaction, now: Date
    ) throws -> NewCard {
        guard let action = BinaryActions.action(for: rule.action) else {
            return cards.judgment(summary: "Rule \(rule.id) names no binary action", rule: rule)
        }
        let outcome: ActionOutcome
        do {
            outcome = try action.plan(for: record, params: rule.params, lookup: transaction)
        } catch {
            throw RoutingError(exceptionID: record.id, step: rule.action.rawValue, message: "\(error)")
        }
        switch outcome {
        case .needsJudgment(let reason):
            return cards.ruleNeedsJudgment(rule: rule, reason: reason)
        case .execute(let plan):
            guard rule.mode == .auto else { return cards.binary(rule: rule, plan: plan) }
            if let conflict = try PlanGuard(facts: transaction).conflict(with: plan) {
                return cards.ruleNeedsJudgment(rule: rule, reason: conflict.reason)
            }
            try transaction.execute(plan, exceptionID: record.id, at: now)
            return cards.binary(rule: rule, plan: plan)
        }
    }

    private func escalationCount(_ record: ExceptionRecord, in transaction: any RoutingTransaction) throws -> Int {
        let exception = record.exception
        do {
            return try transaction.occurrences(source: exception.source, kind: exception.kind, reason: exception.reason)
        } catch {
            throw RoutingError(exceptionID: record.id, step: "escalate", message: "\(error)")
        }
    }
}
