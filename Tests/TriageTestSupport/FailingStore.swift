import Foundation
import TriageCore

/// A store whose lookups fail for one order number, to stand for a row routing cannot read; wraps either store.
public struct FailingStore: RoutingStore {
    let inner: any RoutingStore
    let poisonOrder: String

    /// `inner`, except that reading order `poisonOrder` throws.
    public init(inner: any RoutingStore, poisonOrder: String) {
        self.inner = inner
        self.poisonOrder = poisonOrder
    }

    public var writesOneAtATime: Bool { inner.writesOneAtATime }

    public func routingTransaction<T: Sendable>(
        _ body: @escaping @Sendable (any RoutingTransaction) throws -> T
    ) async throws -> T {
        try await inner.routingTransaction { inner in
            try body(FailingTransaction(inner: inner, poisonOrder: poisonOrder))
        }
    }
}

/// Forwards to a real transaction, except that reading `poisonOrder` throws.
struct FailingTransaction: RoutingTransaction {
    func insert(_ batch: [NewException], receivedAt: Date) throws -> [ExceptionRecord?] {
        try inner.insert(batch, receivedAt: receivedAt)
    }
    func reserveOrders(_ orderNumbers: Set<String>) throws { try inner.reserveOrders(orderNumbers) }
    func holdUnrouted(_ records: [ExceptionRecord]) throws -> [ExceptionRecord] { try inner.holdUnrouted(records) }

    struct Poisoned: Error, CustomStringConvertible {
        var description: String { "row cannot be decoded" }
    }

    let inner: any RoutingTransaction
    let poisonOrder: String

    func order(number: String) throws -> Order? {
        guard number != poisonOrder else { throw Poisoned() }
        return try inner.order(number: number)
    }
    func orderHeader(number: String) throws -> Order? {
        guard number != poisonOrder else { throw Poisoned() }
        return try inner.orderHeader(number: number)
    }
    func product(sku: String) throws -> Product? { try inner.product(sku: sku) }
    func payments(orderNumber: String) throws -> [Payment] { try inner.payments(orderNumber: orderNumber) }
    func shipments(orderNumber: String) throws -> [Shipment] { try inner.shipments(orderNumber: orderNumber) }
    func inventory(sku: String) throws -> [InventoryCount] { try inner.inventory(sku: sku) }
    func occurrences(source: String, kind: ExceptionKind, reason: String?) throws -> Int {
        try inner.occurrences(source: source, kind: kind, reason: reason)
    }
    func insert(_ exception: NewException, receivedAt: Date) throws -> ExceptionRecord? {
        try inner.insert(exception, receivedAt: receivedAt)
    }
    func writeCard(_ card: NewCard) throws -> Int64 { try inner.writeCard(card) }
    func execute(_ plan: ActionPlan, exceptionID: Int64, at: Date) throws {
        try inner.execute(plan, exceptionID: exceptionID, at: at)
    }
    func enqueue(exceptionID: Int64, task: AITask, at: Date) throws {
        try inner.enqueue(exceptionID: exceptionID, task: task, at: at)
    }
    func countHourly(_ counts: [CascadeKey: Int]) throws { try inner.countHourly(counts) }
    func hourlyCounts(_ ranges: [HourRange]) throws -> [[Date: Int]] {
        try inner.hourlyCounts(ranges)
    }
    func cascadeRaised(kind: ExceptionKind, source: String, since: Date) throws -> Bool {
        try inner.cascadeRaised(kind: kind, source: source, since: since)
    }
    func isolated<T>(_ body: () throws -> T) throws -> T { try inner.isolated(body) }
    func openCard(like record: ExceptionRecord, orderNumber: String) throws -> Int64? {
        try inner.openCard(like: record, orderNumber: orderNumber)
    }
    func link(exceptionID: Int64, toCard cardID: Int64, at date: Date) throws {
        try inner.link(exceptionID: exceptionID, toCard: cardID, at: date)
    }
    func remember(digest: String, source: String, at date: Date) throws -> Bool {
        try inner.remember(digest: digest, source: source, at: date)
    }
    func refunded(orderNumber: String) throws -> Money { try inner.refunded(orderNumber: orderNumber) }
    func returnedQuantities(orderNumber: String) throws -> [String: Int] {
        try inner.returnedQuantities(orderNumber: orderNumber)
    }
}
