import Foundation
import TriageCore

extension ExceptionFactory {
    /// A return request from the returns app that names its order.
    mutating func returnWithOrder(_ event: ScheduledEvent) -> NewException? {
        let roll = random.weighted([80, 10, 10])
        let range = roll == 1 ? days(110, 66, before: event.at) : days(26, 1, before: event.at)
        guard let index = reference.deliveredOrder(in: range, random: &random) else { return nil }
        let order = reference.book.orders[index]
        var items = returnedLines(order)
        var truth = windowLabel(items, order: order, at: event.at)
        if roll == 2, let stranger = skuNotOn(order) {
            items = [
                OrderLine(
                    sku: stranger.product.sku, description: stranger.product.description, qty: 1,
                    unitPrice: stranger.price)
            ]
            truth = "sku_not_on_order"
        }
        let refund = items.reduce(Money.zero) { $0 + $1.unitPrice * $1.qty }
        let id = eventID("rma")
        label("returns_app", id, ["reason": .string(truth)])
        return NewException(
            source: "returns_app", eventID: id, kind: .returnRequest, reason: "return_requested",
            occurredAt: event.at, orderNumber: order.orderNumber,
            payload: [
                "items": .array(items.map { ["sku": .string($0.sku), "qty": .number(Double($0.qty))] }),
                "refund_amount": .string(refund.description), "currency": .string(order.currency),
                "customer_name": .string(order.customer.name),
                "email": order.customer.email.map(JSONValue.string) ?? .null,
            ])
    }

    /// The window from `from` days to `to` days before `date`.
    func days(_ from: Int, _ to: Int, before date: Date) -> ClosedRange<Date> {
        date.addingTimeInterval(
            -Double(from) * DemoCalendar.day)...date.addingTimeInterval(-Double(to) * DemoCalendar.day)
    }

    /// One line of the order, sometimes all of them; quantities never exceed what was bought.
    mutating func returnedLines(_ order: Order) -> [OrderLine] {
        guard order.lines.count > 1, random.chance(0.25) else {
            var line = order.lines[random.below(order.lines.count)]
            line.qty = random.int(1...max(line.qty, 1))
            return [line]
        }
        return order.lines
    }

    /// `within_window` when every line is a day or more inside its product's return window, `outside_window`
    /// when a line is a day or more past it, else `window_edge`.
    func windowLabel(_ lines: [OrderLine], order: Order, at: Date) -> String {
        guard let delivered = order.deliveredAt else { return "outside_window" }
        let age = at.timeIntervalSince(delivered) / DemoCalendar.day
        let windows = lines.map { Double(reference.item($0.sku)?.product.returnWindowDays ?? 0) }
        if windows.allSatisfy({ $0 >= age + 1 }) { return "within_window" }
        return windows.contains(where: { $0 <= age - 1 }) ? "outside_window" : "window_edge"
    }

    /// A catalog item that is not on the order.
    mutating func skuNotOn(_ order: Order) -> CatalogItem? {
        for _ in 0..<8 {
            guard let item = random.pick(reference.catalog) else { return nil }
            if !order.lines.contains(where: { $0.sku == item.product.sku }) { return item }
        }
        return nil
    }
}
