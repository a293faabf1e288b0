import Foundation
import GRDB
import TriageCore

/// Inserts reference records; loading the same file twice replaces rather than duplicates.
enum ReferenceWriter {
    /// Writes every record of `batch`.
    static func write(_ batch: ReferenceBatch, db: Database) throws {
        switch batch {
        case .products(let values): for value in values { try insert(value, db: db) }
        case .suppliers(let values): for value in values { try insert(value, db: db) }
        case .orders(let values): for value in values { try OrderRow.insert(value, db: db) }
        case .purchaseOrders(let values): for value in values { try insert(value, db: db) }
        case .invoices(let values): for value in values { try insert(value, db: db) }
        case .payments(let values): for value in values { try insert(value, db: db) }
        case .shipments(let values): for value in values { try insert(value, db: db) }
        case .inventory(let values): for value in values { try insert(value, db: db) }
        }
    }

    static func insert(_ product: Product, db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO products (sku, description, category, warranty_months, return_window_days)
                VALUES (?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            product.sku, product.description, product.category, product.warrantyMonths, product.returnWindowDays,
        ])
        try ProductPairIndex.index(sku: product.sku, description: product.description, db: db)
    }

    static func insert(_ supplier: Supplier, db: Database) throws {
        let aliases = try JSONCoding.string(supplier.aliases)
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO suppliers (supplier_id, name, aliases) VALUES (?, ?, ?)")
            .execute(arguments: [supplier.supplierID, supplier.name, aliases])
    }

    static func insert(_ po: PurchaseOrder, db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO purchase_orders (po_number, supplier, currency, total_cents, issued_at)
                VALUES (?, ?, ?, ?, ?)
                """
        ).execute(arguments: [po.poNumber, po.supplier, po.currency, po.total.cents, po.issuedAt.timeIntervalSince1970])
        try db.cachedStatement(sql: "DELETE FROM po_lines WHERE po_number = ?").execute(arguments: [po.poNumber])
        for (index, line) in po.lines.enumerated() {
            try db.cachedStatement(
                sql: """
                    INSERT INTO po_lines (po_number, line_no, sku, description, qty, unit_price_cents)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [po.poNumber, index + 1, line.sku, line.description, line.qty, line.unitPrice.cents])
        }
    }

    static func insert(_ invoice: SeenInvoice, db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO invoices (supplier, invoice_number, invoice_date, total_cents)
                VALUES (?, ?, ?, ?)
                """
        ).execute(arguments: [
            invoice.supplier, invoice.invoiceNumber, invoice.invoiceDate?.timeIntervalSince1970, invoice.total?.cents,
        ])
    }

    static func insert(_ payment: Payment, db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO payments (payment_id, order_number, status, amount_cents, currency, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            payment.paymentID, payment.orderNumber, payment.status, payment.amount.cents, payment.currency,
            payment.updatedAt.timeIntervalSince1970,
        ])
    }

    static func insert(_ shipment: Shipment, db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO shipments (shipment_id, order_number, carrier, status, shipped_at, delivered_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            shipment.shipmentID, shipment.orderNumber, shipment.carrier, shipment.status,
            shipment.shippedAt?.timeIntervalSince1970, shipment.deliveredAt?.timeIntervalSince1970,
        ])
    }

    static func insert(_ count: InventoryCount, db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO inventory (sku, system, quantity) VALUES (?, ?, ?)")
            .execute(arguments: [count.sku, count.system, count.quantity])
    }
}
