import Foundation
import TriageCore

/// Small builders for exceptions and reference data used across the suites.
enum Samples {
    /// 2025-03-01T00:00:00Z.
    static let start = Date(timeIntervalSince1970: 1_740_787_200)
    static let day: TimeInterval = 86_400

    static func record(
        _ kind: ExceptionKind, source: String = "test", event: String = "evt-1", reason: String? = nil,
        orderNumber: String? = nil, occurredAt: Date = start, payload: [String: JSONValue] = [:], id: Int64 = 1
    ) -> ExceptionRecord {
        ExceptionRecord(
            id: id,
            exception: exception(
                kind, source: source, event: event, reason: reason, orderNumber: orderNumber, occurredAt: occurredAt,
                payload: payload), receivedAt: occurredAt)
    }

    static func exception(
        _ kind: ExceptionKind, source: String = "test", event: String = "evt-1", reason: String? = nil,
        orderNumber: String? = nil, occurredAt: Date = start, payload: [String: JSONValue] = [:]
    ) -> NewException {
        NewException(
            source: source, eventID: event, kind: kind, reason: reason, occurredAt: occurredAt,
            orderNumber: orderNumber, payload: payload)
    }

    static func order(
        _ number: String, status: String, total: String = "48.48", lines: [OrderLine]? = nil,
        placedAt: Date = start, deliveredAt: Date? = nil, postcode: String? = nil, country: String? = nil
    ) -> Order {
        let address = Address(line1: "1 Main St", city: "Springfield", postcode: postcode, country: country)
        return Order(
            orderID: "o-\(number)", orderNumber: number, customer: Customer(name: "Ada Lovelace", address: address),
            placedAt: placedAt, currency: "USD", total: Money(total) ?? .zero,
            lines: lines ?? [line("MUG-1", qty: 2, price: "24.24")], status: status, deliveredAt: deliveredAt)
    }

    static func line(_ sku: String, qty: Int, price: String) -> OrderLine {
        OrderLine(sku: sku, description: "Item \(sku)", qty: qty, unitPrice: Money(price) ?? .zero)
    }

    static func payment(_ orderNumber: String, status: String, amount: String = "48.48") -> Payment {
        Payment(
            paymentID: "pay-\(orderNumber)", orderNumber: orderNumber, status: status, amount: Money(amount) ?? .zero,
            currency: "USD", updatedAt: start)
    }

    static func product(_ sku: String, returnWindowDays: Int = 30) -> Product {
        Product(
            sku: sku, description: "Item \(sku)", category: "home", warrantyMonths: 12,
            returnWindowDays: returnWindowDays)
    }

    /// The repository's root, found from this file's path.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }
}
