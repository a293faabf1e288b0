import Foundation
import TriageCore

/// The orders with the holds that exceptions will report.
struct OrderBook: Sendable {
    var orders: [Order]
    /// For each order, the index of its customer.
    var customerOf: [Int]
    var paymentHolds: [PaymentHold]
    var addressHolds: [AddressHold]
}

/// An order before ids are assigned.
struct OrderDraft {
    var customer: Int
    var buyer: Customer
    var placedAt: Date
    var lines: [OrderLine]
    var status: String
    var deliveredAt: Date?
    var paymentHold: PaymentHold?
    var addressHold: AddressHold?
}

/// Makes orders over the history window: the held ones just before the exceptions that report them,
/// the rest spread out with statuses that follow their age.
struct OrderFactory {
    var random: DemoRandom
    let customers: [DemoCustomer]
    let catalog: [CatalogItem]
    let end: Date
    let historyDays: Int

    /// Makes `count` orders, numbered in the order they were placed.
    mutating func make(count: Int, schedule: [ScheduledEvent]) -> OrderBook {
        guard !customers.isEmpty, !catalog.isEmpty else {
            return OrderBook(orders: [], customerOf: [], paymentHolds: [], addressHolds: [])
        }
        var drafts: [OrderDraft] = []
        let heldCap = count * 45 / 100
        for event in schedule where drafts.count < heldCap {
            if event.scenario == .paymentDrift { drafts.append(paymentHeld(event.at)) }
            if event.scenario == .addressHold { drafts.append(addressHeld(event.at)) }
        }
        while drafts.count < count { drafts.append(regular()) }
        return Self.number(drafts)
    }

    /// Sorts drafts by time and gives them ids `ord_000001` and numbers `100001` in that order.
    static func number(_ drafts: [OrderDraft]) -> OrderBook {
        let sorted = drafts.indices.sorted { lhs, rhs in
            drafts[lhs].placedAt == drafts[rhs].placedAt ? lhs < rhs : drafts[lhs].placedAt < drafts[rhs].placedAt
        }
        var book = OrderBook(orders: [], customerOf: [], paymentHolds: [], addressHolds: [])
        for (position, index) in sorted.enumerated() {
            let draft = drafts[index]
            let serial = position + 1
            let padded = String(repeating: "0", count: max(0, 6 - String(serial).count)) + String(serial)
            let total = draft.lines.reduce(Money.zero) { $0 + $1.unitPrice * $1.qty }
            book.orders.append(
                Order(
                    orderID: "ord_\(padded)", orderNumber: String(100_000 + serial), customer: draft.buyer,
                    placedAt: draft.placedAt, currency: currency(of: draft.buyer), total: total, lines: draft.lines,
                    status: draft.status, deliveredAt: draft.deliveredAt))
            book.customerOf.append(draft.customer)
            if var hold = draft.paymentHold { hold.order = position; book.paymentHolds.append(hold) }
            if var hold = draft.addressHold { hold.order = position; book.addressHolds.append(hold) }
        }
        book.paymentHolds.sort { $0.eventAt == $1.eventAt ? $0.order < $1.order : $0.eventAt < $1.eventAt }
        book.addressHolds.sort { $0.eventAt == $1.eventAt ? $0.order < $1.order : $0.eventAt < $1.eventAt }
        return book
    }

    static func currency(of customer: Customer) -> String {
        switch customer.address?.country {
        case "CA": "CAD"
        case "GB": "GBP"
        default: "USD"
        }
    }

    /// A customer index, skewed so some customers order often.
    mutating func pickCustomer() -> Int {
        min(random.below(customers.count), random.below(customers.count))
    }

    /// One to four distinct products, mostly one unit each.
    mutating func makeLines() -> [OrderLine] {
        let count = min(1 + random.weighted([55, 28, 12, 5]), catalog.count)
        var chosen: [Int] = []
        while chosen.count < count {
            let index = random.below(catalog.count)
            if !chosen.contains(index) { chosen.append(index) }
        }
        return chosen.map { index in
            let item = catalog[index]
            return OrderLine(
                sku: item.product.sku, description: item.product.description, qty: 1 + random.weighted([85, 12, 3]),
                unitPrice: item.price)
        }
    }
}
