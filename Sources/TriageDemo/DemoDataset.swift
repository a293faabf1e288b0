import Foundation
import TriageCore

/// A deterministic retail dataset: reference data and two weeks of exceptions raised against it.
public struct DemoDataset: Sendable {
    /// What it was generated from.
    public let configuration: DemoConfiguration
    /// The customers; each order carries a copy of its customer.
    public let customers: [Customer]
    /// Storefront orders, numbered in the order they were placed.
    public let orders: [Order]
    /// The product catalog with warranty and return policies.
    public let products: [Product]
    /// Suppliers with the aliases their invoices use.
    public let suppliers: [Supplier]
    /// Purchase orders sent to suppliers.
    public let purchaseOrders: [PurchaseOrder]
    /// Supplier invoices already received (to recognise duplicates).
    public let invoices: [SeenInvoice]
    /// One gateway payment per order.
    public let payments: [Payment]
    /// WMS shipments of the orders that left the warehouse.
    public let shipments: [Shipment]
    /// Stock counts per SKU in storefront, ERP and WMS.
    public let inventory: [InventoryCount]
    /// The exceptions of the last `configuration.days` days, oldest first, as their sources send them.
    public let exceptions: [NewException]
    /// The answers the exceptions were built to have, apart from them: for `eval generate`, `simulate-decisions`
    /// and tests only (`triage demo` stores them in their own table).
    public let labels: [ExceptionLabel]

    let reference: ReferenceIndex

    /// Generates the dataset; the same configuration always gives the same dataset.
    public static func generate(_ configuration: DemoConfiguration = DemoConfiguration()) -> DemoDataset {
        let seed = configuration.seed
        let reference = ReferenceBuilder(configuration: configuration).build()
        var schedule = DemoRandom(seed: seed, stream: "schedule")
        let events = ReferenceBuilder.schedule(configuration, count: configuration.totalExceptions, random: &schedule)
        var factory = ExceptionFactory(
            reference: reference, profiles: configuration.profiles, random: DemoRandom(seed: seed, stream: "exceptions")
        )
        var operations = OperationsFactory(random: DemoRandom(seed: seed, stream: "operations"), end: configuration.end)
        let exceptions = factory.make(events)
        return DemoDataset(
            configuration: configuration, customers: reference.customers.map(\.customer), orders: reference.book.orders,
            products: reference.catalog.map(\.product), suppliers: reference.suppliers.map(\.supplier),
            purchaseOrders: reference.purchasing.purchaseOrders,
            invoices: reference.purchasing.seen.map(Self.seenInvoice),
            payments: operations.payments(reference.book), shipments: operations.shipments(reference.book.orders),
            inventory: reference.inventory.counts, exceptions: exceptions, labels: factory.labels, reference: reference)
    }

    /// `count` more exceptions over the same reference data and days, for benchmarks. Event ids start with
    /// `bench<seed>-` so they never collide with the dataset's own; held orders are reused when `count` exceeds them.
    public func benchmarkExceptions(count: Int, seed: UInt64) -> [NewException] {
        var random = DemoRandom(seed: seed, stream: "bench-schedule")
        let events = ReferenceBuilder.schedule(configuration, count: count, random: &random)
        var factory = ExceptionFactory(
            reference: reference, profiles: configuration.profiles, random: DemoRandom(seed: seed, stream: "bench"),
            idPrefix: "bench\(seed)-")
        let exceptions = factory.make(events)
        // Reused held orders can move an event later than its slot; keep the output in time order.
        return exceptions.indices.sorted { lhs, rhs in
            let (a, b) = (exceptions[lhs].occurredAt, exceptions[rhs].occurredAt)
            return a == b ? lhs < rhs : a < b
        }.map { exceptions[$0] }
    }

    private static func seenInvoice(_ draft: InvoiceDraft) -> SeenInvoice {
        SeenInvoice(
            supplier: SupplierDirectory.all[draft.supplier].supplier.name, invoiceNumber: draft.number,
            invoiceDate: draft.date, total: draft.total)
    }
}
