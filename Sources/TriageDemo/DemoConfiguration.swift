import Foundation
import TriageCore

/// What to generate: sizes, the seed and the fixed date the dataset is anchored at.
public struct DemoConfiguration: Sendable, Hashable {
    /// The seed; the same seed gives byte-identical output.
    public var seed: UInt64
    /// The dataset's "now": exceptions end before it and orders are placed before it.
    public var end: Date
    /// Number of customers.
    public var customers: Int
    /// Number of orders.
    public var orders: Int
    /// Days of order history before `end`.
    public var orderHistoryDays: Int
    /// Number of products (at most the catalog's size, about 120).
    public var products: Int
    /// Number of suppliers (at most the directory's size, 15).
    public var suppliers: Int
    /// Number of purchase orders.
    public var purchaseOrders: Int
    /// Days of exceptions before `end`.
    public var days: Int
    /// Average exceptions per day.
    public var exceptionsPerDay: Int
    /// The scenario mix and handling times.
    public var profiles: [ScenarioProfile]

    /// The default anchor, 2026-11-20T00:00:00Z.
    public static let defaultEnd = Date(timeIntervalSince1970: 1_795_132_800)

    /// Creates a configuration; every value has a realistic default.
    public init(
        seed: UInt64 = 42, end: Date = DemoConfiguration.defaultEnd, customers: Int = 2_000, orders: Int = 5_000,
        orderHistoryDays: Int = 120, products: Int = 120, suppliers: Int = 15, purchaseOrders: Int = 300,
        days: Int = 14, exceptionsPerDay: Int = 230, profiles: [ScenarioProfile] = ScenarioProfile.defaults
    ) {
        self.seed = seed
        self.end = end
        self.customers = customers
        self.orders = orders
        self.orderHistoryDays = orderHistoryDays
        self.products = products
        self.suppliers = suppliers
        self.purchaseOrders = purchaseOrders
        self.days = days
        self.exceptionsPerDay = exceptionsPerDay
        self.profiles = profiles
    }

    /// The number of exceptions over all `days`.
    public var totalExceptions: Int { max(days, 0) * max(exceptionsPerDay, 0) }
}
