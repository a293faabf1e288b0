import Foundation
import TriageCore

/// Reference data held in memory, for testing actions without a database.
struct InMemoryLookup: ReferenceLookup {
    var orders: [String: Order] = [:]
    var products: [String: Product] = [:]
    var paymentsByOrder: [String: [Payment]] = [:]
    var shipmentsByOrder: [String: [Shipment]] = [:]
    var counts: [String: [InventoryCount]] = [:]
    var occurrenceCount = 1

    func order(number: String) throws -> Order? { orders[number] }
    func orderHeader(number: String) throws -> Order? { orders[number].map { order in var header = order; header.lines = []; return header } }
    func product(sku: String) throws -> Product? { products[sku] }
    func payments(orderNumber: String) throws -> [Payment] { paymentsByOrder[orderNumber] ?? [] }
    func shipments(orderNumber: String) throws -> [Shipment] { shipmentsByOrder[orderNumber] ?? [] }
    func inventory(sku: String) throws -> [InventoryCount] { counts[sku] ?? [] }
    func occurrences(source: String, kind: ExceptionKind, reason: String?) throws -> Int { occurrenceCount }

    mutating func add(_ order: Order) { orders[order.orderNumber] = order }

    mutating func add(_ payment: Payment) { paymentsByOrder[payment.orderNumber, default: []].insert(payment, at: 0) }

    mutating func setCounts(sku: String, storefront: Int, erp: Int, wms: Int) {
        counts[sku] = [
            InventoryCount(sku: sku, system: "storefront", quantity: storefront),
            InventoryCount(sku: sku, system: "erp", quantity: erp),
            InventoryCount(sku: sku, system: "wms", quantity: wms),
        ]
    }
}
