import Foundation

/// Read access to the reference data a rule or a worker checks an action against.
///
/// Implemented by the store; synchronous because it runs inside one database transaction.
public protocol ReferenceLookup {
    /// The order with this storefront order number, with its lines.
    func order(number: String) throws -> Order?
    /// The order without its lines (`lines` is empty): for actions that read only status, totals and address.
    func orderHeader(number: String) throws -> Order?
    /// The product with this SKU.
    func product(sku: String) throws -> Product?
    /// The gateway's payments for an order, newest first.
    func payments(orderNumber: String) throws -> [Payment]
    /// The WMS shipments for an order.
    func shipments(orderNumber: String) throws -> [Shipment]
    /// The counts of a SKU in every system.
    func inventory(sku: String) throws -> [InventoryCount]
    /// How many exceptions of this kind the source raised with this reason, this one included.
    func occurrences(source: String, kind: ExceptionKind, reason: String?) throws -> Int
}

/// Write access for routing one exception, inside the transaction that stored it.
public protocol RoutingTransaction: ReferenceLookup, OrderLedger {
    /// Stores an exception; nil when (source, event id) was already stored.
    func insert(_ exception: NewException, receivedAt: Date) throws -> ExceptionRecord?
    /// Stores a batch, in order; nil for each one whose (source, event id) was already stored, or came earlier in
    /// the batch.
    func insert(_ batch: [NewException], receivedAt: Date) throws -> [ExceptionRecord?]
    /// Writes the exception's card; a second card for the same exception is ignored. Returns the card id.
    @discardableResult
    func writeCard(_ card: NewCard) throws -> Int64
    /// Applies a plan's state changes and writes its outbox messages (idempotent on each message's key).
    func execute(_ plan: ActionPlan, exceptionID: Int64, at: Date) throws
    /// Puts an exception on the AI worker's queue (once).
    func enqueue(exceptionID: Int64, task: AITask, at: Date) throws
    /// Adds newly stored exceptions to the hourly counts per type and source.
    func countHourly(_ counts: [CascadeKey: Int]) throws
    /// The hourly counts of each range's type and source for its hours, by the hour's start, in the order asked: all
    /// the types and sources of a batch in one read.
    func hourlyCounts(_ ranges: [HourRange]) throws -> [[Date: Int]]
    /// Whether a cascade of this type from this source was raised at or after `since`.
    func cascadeRaised(kind: ExceptionKind, source: String, since: Date) throws -> Bool
    /// Runs `body` so that, when it throws, what it wrote is undone and the transaction goes on (a savepoint).
    func isolated<T>(_ body: () throws -> T) throws -> T
    /// The oldest undecided card about the same order, kind and reason as `record`, if any.
    func openCard(like record: ExceptionRecord, orderNumber: String) throws -> Int64?
    /// Joins an exception to an existing card instead of giving it one of its own.
    func link(exceptionID: Int64, toCard cardID: Int64, at date: Date) throws
    /// Remembers a webhook body's digest for its source; false when that source sent the same body before.
    func remember(digest: String, source: String, at date: Date) throws -> Bool
    /// Called before routing exceptions about these orders: a store shared by several processes takes its per-order
    /// locks here, all at once and in one order, so two batches routing the same orders wait for each other instead
    /// of deadlocking. SQLite's single writer needs nothing.
    func reserveOrders(_ orderNumbers: Set<String>) throws
    /// Of these exceptions, stored earlier, those that still have no card (of their own or joined), each held until
    /// the transaction ends: two servers routing the same stored exception route it once.
    func holdUnrouted(_ records: [ExceptionRecord]) throws -> [ExceptionRecord]
}

extension RoutingTransaction {
    /// Takes no locks: for stores with a single writer.
    public func reserveOrders(_ orderNumbers: Set<String>) throws {}

    /// One insert per exception: for stores where a statement costs no round trip.
    public func insert(_ batch: [NewException], receivedAt: Date) throws -> [ExceptionRecord?] {
        try batch.map { try insert($0, receivedAt: receivedAt) }
    }

    /// Runs `body` without isolation: for stores that cannot undo part of a transaction (test doubles).
    public func isolated<T>(_ body: () throws -> T) throws -> T { try body() }
}

/// A store that runs routing work in write transactions.
///
/// Asynchronous, so a caller on a cooperative thread (a request handler, the webhook router) waits for the
/// database without holding the thread; `body` itself is synchronous, because it runs inside the transaction.
public protocol RoutingStore: Sendable {
    /// Runs `body` in one write transaction; everything it wrote is committed together or not at all.
    func routingTransaction<T: Sendable>(_ body: @escaping @Sendable (any RoutingTransaction) throws -> T) async throws -> T
    /// Whether one transaction writes at a time (SQLite): a batch then checks its cascades before it commits. A store
    /// written by several processes at once checks them in a transaction of its own, after the batch commits, so the
    /// check reads every process's counts and no lock is held while a batch routes.
    var writesOneAtATime: Bool { get }
}

extension RoutingStore {
    /// Several writers at once, unless the store says otherwise.
    public var writesOneAtATime: Bool { false }
}
