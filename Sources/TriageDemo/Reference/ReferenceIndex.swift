import Foundation
import TriageCore

/// The reference data exceptions are generated against, indexed for fast lookups.
struct ReferenceIndex: Sendable {
    let end: Date
    let catalog: [CatalogItem]
    let customers: [DemoCustomer]
    let suppliers: [SupplierProfile]
    let book: OrderBook
    let inventory: InventoryBook
    let purchasing: PurchasingBook
    /// Catalog position by SKU.
    let itemBySKU: [String: Int]
    /// Delivered orders, by delivery time.
    let delivered: [Int]
    /// `delivered`'s delivery times, ascending.
    let deliveredTimes: [Date]
    /// Order indices by customer email, oldest first.
    let ordersByEmail: [String: [Int]]

    init(
        end: Date, catalog: [CatalogItem], customers: [DemoCustomer], suppliers: [SupplierProfile],
        book: OrderBook, inventory: InventoryBook, purchasing: PurchasingBook
    ) {
        self.end = end
        self.catalog = catalog
        self.customers = customers
        self.suppliers = suppliers
        self.book = book
        self.inventory = inventory
        self.purchasing = purchasing
        itemBySKU = Dictionary(
            catalog.enumerated().map { ($1.product.sku, $0) }, uniquingKeysWith: { first, _ in first })
        let orders = book.orders
        delivered = orders.indices.filter { orders[$0].deliveredAt != nil }.sorted { lhs, rhs in
            let (a, b) = (orders[lhs].deliveredAt ?? end, orders[rhs].deliveredAt ?? end)
            return a == b ? lhs < rhs : a < b
        }
        deliveredTimes = delivered.map { orders[$0].deliveredAt ?? end }
        var byEmail: [String: [Int]] = [:]
        for (index, order) in orders.enumerated() {
            if let email = order.customer.email { byEmail[email, default: []].append(index) }
        }
        ordersByEmail = byEmail
    }

    /// A delivered order whose delivery falls in `range`; nil when none does.
    func deliveredOrder(in range: ClosedRange<Date>, random: inout DemoRandom) -> Int? {
        let lower = firstDelivered(atOrAfter: range.lowerBound)
        let upper = firstDelivered(atOrAfter: range.upperBound.addingTimeInterval(1))
        guard upper > lower else { return nil }
        return delivered[lower + random.below(upper - lower)]
    }

    private func firstDelivered(atOrAfter date: Date) -> Int {
        var (low, high) = (0, deliveredTimes.count)
        while low < high {
            let middle = (low + high) / 2
            if deliveredTimes[middle] < date { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The catalog item for a SKU.
    func item(_ sku: String) -> CatalogItem? {
        itemBySKU[sku].map { catalog[$0] }
    }

    /// The customer who placed order `index`.
    func customer(ofOrder index: Int) -> DemoCustomer {
        customers[book.customerOf[index]]
    }
}
