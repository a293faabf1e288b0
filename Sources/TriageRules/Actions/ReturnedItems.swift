import TriageCore

/// The items of a return request, quantities summed per SKU.
struct ReturnedItems: Sendable {
    /// Why a return's `items` cannot be read.
    struct Problem: Error {
        let reason: String
    }

    /// Quantity per SKU.
    let quantities: [String: Int]

    /// The SKUs in a stable order, so reasons are reproducible.
    var skus: [String] { quantities.keys.sorted() }

    /// Reads `items: [{sku, qty}]`; a missing `qty` counts as 1.
    static func parse(_ value: JSONValue?) -> Result<ReturnedItems, Problem> {
        guard let items = value?.array, !items.isEmpty else {
            return .failure(Problem(reason: "the return lists no items"))
        }
        var quantities: [String: Int] = [:]
        for item in items {
            guard let sku = item["sku"]?.text, !sku.isEmpty else {
                return .failure(Problem(reason: "a returned item has no sku"))
            }
            let qty = item["qty"]?.number ?? 1
            guard qty >= 1, qty.rounded() == qty, qty < 1e6 else {
                return .failure(Problem(reason: "the quantity of \(sku) is not a whole number ≥ 1"))
            }
            quantities[sku, default: 0] += Int(qty)
        }
        return .success(ReturnedItems(quantities: quantities))
    }

    /// The first item not on the order, or returned in a larger quantity than ordered, as a reason.
    func mismatch(with order: Order) -> String? {
        for sku in skus {
            let ordered = order.orderedQuantity(of: sku)
            let qty = quantities[sku] ?? 0
            if ordered == 0 { return "\(sku) is not on order #\(order.orderNumber)" }
            if qty > ordered { return "the return has \(qty) × \(sku) but order #\(order.orderNumber) has \(ordered)" }
        }
        return nil
    }

    /// Σ unit price × returned quantity, at the order's prices.
    func refund(on order: Order) -> Money {
        quantities.reduce(Money.zero) { total, item in
            let price = order.lines.first { $0.sku == item.key }?.unitPrice ?? .zero
            return total + price * item.value
        }
    }

    /// True when every unit of every line is returned.
    func coversWholeOrder(_ order: Order) -> Bool {
        Set(order.lines.map(\.sku)).allSatisfy { quantities[$0, default: 0] >= order.orderedQuantity(of: $0) }
    }

    /// The items as JSON, for plans and messages.
    var json: JSONValue {
        .array(skus.map { ["sku": .string($0), "qty": .number(Double(quantities[$0] ?? 0))] })
    }
}

extension Order {
    /// The quantity of a SKU over all the order's lines.
    func orderedQuantity(of sku: String) -> Int {
        lines.reduce(0) { $0 + ($1.sku == sku ? $1.qty : 0) }
    }
}
