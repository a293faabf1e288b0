import Foundation
import TriageCore

extension ExceptionFactory {
    /// A return request without an order number; about 15 % match no order at all.
    mutating func returnWithoutOrder(_ event: ScheduledEvent) -> NewException? {
        if random.chance(0.85), let index = reference.deliveredOrder(in: days(60, 1, before: event.at), random: &random)
        {
            return unnumberedReturn(event, order: index)
        }
        return strangerReturn(event)
    }

    private mutating func unnumberedReturn(_ event: ScheduledEvent, order index: Int) -> NewException {
        let order = reference.book.orders[index]
        let customer = reference.customer(ofOrder: index)
        let lines = returnedLines(order)
        var payload = returnBasics(event, currency: order.currency)
        payload["items"] = .array(lines.map { describe($0) })
        if let refund = refundText(lines) { payload["refund_amount"] = .string(refund) }
        var text: String?
        if random.chance(0.5), let first = lines.first, let item = reference.item(first.sku) {
            text = ReturnTexts.text(
                item: item.casualName, when: ReturnTexts.when(order.placedAt, at: event.at),
                reason: ReturnTexts.reason(category: item.product.category, random: &random),
                city: random.chance(0.4) ? order.customer.address?.city : nil,
                signature: NameVariants.signature(customer, random: &random), fullName: customer.customer.name,
                random: &random)
        }
        if text == nil || random.chance(0.8) {
            payload["customer_name"] = .string(NameVariants.name(customer, random: &random))
            if let email = NameVariants.email(customer, random: &random) { payload["email"] = .string(email) }
            if let address = order.customer.address, let partial = partialAddress(address) {
                payload["address"] = partial
            }
        }
        return unnumbered(event, truth: .string(order.orderID), text: text, payload: payload)
    }

    /// Someone who never ordered here (wrong shop, a gift from elsewhere) asks for a return.
    private mutating func strangerReturn(_ event: ScheduledEvent) -> NewException? {
        guard let item = random.pick(reference.catalog),
            let first = random.pick(NameBank.firstNames), let last = random.pick(NameBank.strangerLastNames)
        else { return nil }
        let currency = ["USD", "CAD", "GBP"][random.weighted([70, 15, 15])]
        var payload = returnBasics(event, currency: currency)
        payload["customer_name"] = .string("\(first.name) \(last)")
        if random.chance(0.6) {
            payload["email"] = .string(
                "\(TextFold.ascii(first.name).lowercased()).\(TextFold.ascii(last).lowercased())@example.com")
        }
        let line = OrderLine(
            sku: item.product.sku, description: item.product.description, qty: 1, unitPrice: item.price)
        payload["items"] = [describe(line)]
        payload["refund_amount"] = .string(item.price.description)
        let text =
            random.chance(0.4)
            ? ReturnTexts.text(
                item: item.casualName, when: "last month",
                reason: ReturnTexts.reason(
                    category: item.product.category,
                    random: &random),
                city: nil, signature: first.name, fullName: "\(first.name) \(last)", random: &random) : nil
        return unnumbered(event, truth: .null, text: text, payload: payload)
    }

    private func returnBasics(_ event: ScheduledEvent, currency: String) -> [String: JSONValue] {
        ["received_at": .string(ISODate.format(event.at)), "currency": .string(currency)]
    }

    /// The request, labelled with the order it belongs to (null: none).
    private mutating func unnumbered(_ event: ScheduledEvent, truth: JSONValue, text: String?, payload: [String: JSONValue])
        -> NewException
    {
        let id = eventID("rma")
        label("returns_app", id, ["order_id": truth])
        return NewException(
            source: "returns_app", eventID: id, kind: .returnRequest, reason: "no_order_number",
            occurredAt: event.at, text: text, payload: payload)
    }

    /// An item as the customer describes it: a colloquial name, sometimes with the SKU from the packing slip.
    private mutating func describe(_ line: OrderLine) -> JSONValue {
        let item = reference.item(line.sku)
        let names = [item?.casualName, item?.noun, line.description].compactMap { $0 }
        var described: [String: JSONValue] = [
            "description": .string(names[random.below(names.count)]), "qty": .number(Double(line.qty)),
        ]
        if random.chance(0.25) { described["sku"] = .string(line.sku) }
        return .object(described)
    }

    /// The refund the customer asks for: usually exact, sometimes rounded, sometimes left out.
    private mutating func refundText(_ lines: [OrderLine]) -> String? {
        let total = lines.reduce(Money.zero) { $0 + $1.unitPrice * $1.qty }
        switch random.weighted([70, 15, 15]) {
        case 0: return total.description
        case 1: return nil
        default: return String((total.cents + 50) / 100)
        }
    }

    /// The address as typed on the form: whole, or only some fields, or none.
    private mutating func partialAddress(_ address: Address) -> JSONValue? {
        func field(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        switch random.weighted([35, 25, 15, 10, 15]) {
        case 0:
            return [
                "line1": field(address.line1), "city": field(address.city), "postcode": field(address.postcode),
                "country": field(address.country),
            ]
        case 1: return ["postcode": field(address.postcode), "country": field(address.country)]
        case 2: return ["city": field(address.city), "country": field(address.country)]
        case 3: return ["line1": field(address.line1), "postcode": field(address.postcode)]
        default: return nil
        }
    }
}
