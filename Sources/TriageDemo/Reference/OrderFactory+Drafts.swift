import Foundation
import TriageCore

extension OrderFactory {
    static let gatewayStatuses = ["captured", "authorised", "refused", "cancelled"]

    /// An order placed minutes before the gateway reports a status the storefront has not caught up with.
    mutating func paymentHeld(_ eventAt: Date) -> OrderDraft {
        let customer = pickCustomer()
        let gatewayStatus = Self.gatewayStatuses[random.weighted([55, 33, 8, 4])]
        var anomaly: PaymentAnomaly?
        if random.chance(0.05) { anomaly = random.chance(0.5) ? .storedPaymentDisagrees : .alreadyReleased }
        let hold = PaymentHold(order: 0, gatewayStatus: gatewayStatus, eventAt: eventAt, anomaly: anomaly)
        return OrderDraft(
            customer: customer, buyer: customers[customer].customer, placedAt: lag(before: eventAt),
            lines: makeLines(), status: anomaly == .alreadyReleased ? "processing" : "pending_payment",
            paymentHold: hold)
    }

    /// An order held because the customer typed a postcode the storefront rejects, or left a field empty.
    mutating func addressHeld(_ eventAt: Date) -> OrderDraft {
        let customer = pickCustomer()
        var buyer = customers[customer].customer
        var address = buyer.address ?? Address()
        let country = address.country ?? "US"
        let postcode = address.postcode ?? ""
        let incomplete = random.chance(0.12)
        let fixable = !incomplete && random.chance(0.85)
        if incomplete {
            if random.chance(0.5) { address.line1 = nil } else { address.city = nil }
        } else if fixable {
            address.postcode = PostcodeFactory.fixable(postcode, country: country, random: &random)
        } else {
            address.postcode = PostcodeFactory.unfixable(postcode, country: country, random: &random)
        }
        buyer.address = address
        let hold = AddressHold(
            order: 0, eventAt: eventAt, reason: incomplete ? "address_incomplete" : "postcode_format",
            fixable: fixable)
        return OrderDraft(
            customer: customer, buyer: buyer, placedAt: lag(before: eventAt), lines: makeLines(),
            status: "address_hold", addressHold: hold)
    }

    /// An ordinary order somewhere in the history window, its status following its age.
    mutating func regular() -> OrderDraft {
        let customer = pickCustomer()
        let windowStart = end.addingTimeInterval(-Double(historyDays) * DemoCalendar.day)
        let placedAt = windowStart.addingTimeInterval(Double(random.below(historyDays * 86_400)))
        var draft = OrderDraft(
            customer: customer, buyer: customers[customer].customer, placedAt: placedAt, lines: makeLines(),
            status: "processing")
        let ageDays = end.timeIntervalSince(placedAt) / DemoCalendar.day
        let delivery = placedAt.addingTimeInterval(Double(random.int(2 * 86_400...6 * 86_400)))
        switch ageDays {
        case ..<1: draft.status = "processing"
        case ..<3: draft.status = random.chance(0.7) ? "shipped" : "processing"
        default:
            let roll = random.weighted([88, 4, 4, 4])
            draft.status = ["delivered", "cancelled", "refunded", "shipped"][roll]
            if roll == 0 || roll == 2 { draft.deliveredAt = delivery < end ? delivery : nil }
            if draft.deliveredAt == nil && roll != 1 { draft.status = "shipped" }
        }
        return draft
    }

    /// A placement time 4 minutes to 3 hours before `eventAt`.
    private mutating func lag(before eventAt: Date) -> Date {
        eventAt.addingTimeInterval(-Double(random.int(240...10_800)))
    }
}
