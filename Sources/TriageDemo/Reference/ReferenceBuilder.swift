import Foundation
import TriageCore

/// Builds the reference data in a fixed order, each part from its own random stream.
struct ReferenceBuilder {
    let configuration: DemoConfiguration

    /// The exception schedule over the configuration's days.
    static func schedule(_ configuration: DemoConfiguration, count: Int, random: inout DemoRandom) -> [ScheduledEvent] {
        ScheduleBuilder(profiles: configuration.profiles, end: configuration.end, days: configuration.days)
            .build(count: count, random: &random)
    }

    /// Catalog, suppliers, customers, orders (the held ones timed to the demo's schedule), inventory and purchasing.
    func build() -> ReferenceIndex {
        let seed = configuration.seed
        let catalog = CatalogItem.catalog(count: configuration.products)
        let suppliers = Array(SupplierDirectory.all.prefix(max(configuration.suppliers, 0)))
        var customerFactory = CustomerFactory(random: DemoRandom(seed: seed, stream: "customers"))
        let customers = customerFactory.make(count: configuration.customers)
        var scheduleRandom = DemoRandom(seed: seed, stream: "schedule")
        let schedule = Self.schedule(configuration, count: configuration.totalExceptions, random: &scheduleRandom)
        var orders = OrderFactory(
            random: DemoRandom(seed: seed, stream: "orders"), customers: customers, catalog: catalog,
            end: configuration.end, historyDays: max(configuration.orderHistoryDays, configuration.days + 1))
        var inventory = InventoryFactory(random: DemoRandom(seed: seed, stream: "inventory"))
        var purchasing = PurchasingFactory(
            random: DemoRandom(seed: seed, stream: "purchasing"), catalog: catalog, suppliers: suppliers,
            end: configuration.end, historyDays: max(configuration.orderHistoryDays, 40))
        return ReferenceIndex(
            end: configuration.end, catalog: catalog, customers: customers, suppliers: suppliers,
            book: orders.make(count: configuration.orders, schedule: schedule), inventory: inventory.make(catalog),
            purchasing: purchasing.make(count: configuration.purchaseOrders))
    }
}
