import Foundation
import GRDB
import TriageCore

/// Reads of the smaller reference tables.
enum ReferenceRows {
    static func product(_ db: Database, sku: String) throws -> Product? {
        let statement = try db.cachedStatement(sql: "SELECT * FROM products WHERE sku = ?")
        return try Row.fetchOne(statement, arguments: [sku]).map { row in
            Product(
                sku: row["sku"], description: row["description"], category: row["category"],
                warrantyMonths: row["warranty_months"], returnWindowDays: row["return_window_days"])
        }
    }

    static func payments(_ db: Database, orderNumber: String) throws -> [Payment] {
        let statement = try db.cachedStatement(
            sql: """
                SELECT payment_id, order_number, status, amount_cents, currency, updated_at FROM payments
                WHERE order_number = ? ORDER BY updated_at DESC
                """)
        return try Row.fetchAll(statement, arguments: [orderNumber]).map { row in
            Payment(
                paymentID: row[0], orderNumber: row[1], status: row[2], amount: Money(cents: row[3]), currency: row[4],
                updatedAt: Date(timeIntervalSince1970: row[5]))
        }
    }

    static func shipments(_ db: Database, orderNumber: String) throws -> [Shipment] {
        let statement = try db.cachedStatement(sql: "SELECT * FROM shipments WHERE order_number = ?")
        return try Row.fetchAll(statement, arguments: [orderNumber]).map { row in
            let shipped: Double? = row["shipped_at"]
            let delivered: Double? = row["delivered_at"]
            return Shipment(
                shipmentID: row["shipment_id"], orderNumber: row["order_number"], carrier: row["carrier"],
                status: row["status"], shippedAt: shipped.map(Date.init(timeIntervalSince1970:)),
                deliveredAt: delivered.map(Date.init(timeIntervalSince1970:)))
        }
    }

    static func inventory(_ db: Database, sku: String) throws -> [InventoryCount] {
        let statement = try db.cachedStatement(
            sql: "SELECT sku, system, quantity FROM inventory WHERE sku = ? ORDER BY system")
        return try Row.fetchAll(statement, arguments: [sku]).map { row in
            InventoryCount(sku: row["sku"], system: row["system"], quantity: row["quantity"])
        }
    }
}
