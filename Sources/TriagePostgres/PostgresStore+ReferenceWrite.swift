import Foundation
import PostgresNIO
import TriageCore

extension PostgresStore: ReferenceWriting {
    /// One transaction per batch; each record replaces the stored one with its key, as the SQLite store's
    /// `INSERT OR REPLACE` does, and its derived rows (lines, lookup keys, name pairs) are written again. Without the
    /// per-call deadline: a file of many thousand records takes as long as its rows take, and nothing is kept unless
    /// it all commits.
    public func storeReference(_ batch: ReferenceBatch) async throws {
        do {
            try await client.withTransaction(logger: logger) { connection in
                try await PostgresReferenceWriter(connection: connection, logger: logger).write(batch)
            }
        } catch {
            throw PostgresStoreError.readable(error)
        }
    }
}

/// Writes reference records on one connection, inside the caller's transaction.
struct PostgresReferenceWriter {
    let connection: PostgresConnection
    let logger: Logger

    func write(_ batch: ReferenceBatch) async throws {
        switch batch {
        case .products(let values): for value in values { try await write(value) }
        case .suppliers(let values): for value in values { try await write(value) }
        case .orders(let values): try await write(orders: values)
        case .purchaseOrders(let values): for value in values { try await write(value) }
        case .invoices(let values): for value in values { try await write(value) }
        case .payments(let values): for value in values { try await write(value) }
        case .shipments(let values): for value in values { try await write(value) }
        case .inventory(let values): for value in values { try await write(value) }
        }
    }

    private func run(_ query: PostgresQuery) async throws {
        try await connection.query(query, logger: logger)
    }

    private func write(_ product: Product) async throws {
        let (months, days) = (Int64(product.warrantyMonths), Int64(product.returnWindowDays))
        try await run(
            """
            INSERT INTO products (sku, description, category, warranty_months, return_window_days)
            VALUES (\(product.sku), \(product.description), \(product.category), \(months), \(days))
            ON CONFLICT (sku) DO UPDATE SET description = EXCLUDED.description, category = EXCLUDED.category,
              warranty_months = EXCLUDED.warranty_months, return_window_days = EXCLUDED.return_window_days
            """)
        try await run("DELETE FROM product_pairs WHERE sku = \(product.sku)")
        let pairs = Array(Set(TextWords.pairs(TextWords.words(product.description)))).sorted()
        try await run(
            """
            INSERT INTO product_pairs (pair, sku) SELECT pair, \(product.sku) FROM unnest(\(pairs)::text[]) AS pair
            ON CONFLICT DO NOTHING
            """)
    }

    private func write(_ supplier: Supplier) async throws {
        let aliases = try JSONCoding.string(supplier.aliases)
        try await run(
            """
            INSERT INTO suppliers (supplier_id, name, aliases) VALUES (\(supplier.supplierID), \(supplier.name), \(aliases))
            ON CONFLICT (supplier_id) DO UPDATE SET name = EXCLUDED.name, aliases = EXCLUDED.aliases
            """)
    }

    /// The orders (the last of one id wins, as in a file loaded line by line), then all their lines and lookup keys
    /// replaced in four statements.
    private func write(orders: [Order]) async throws {
        var latest: [String: Int] = [:]
        for (index, order) in orders.enumerated() { latest[order.orderID] = index }
        let unique = orders.enumerated().filter { latest[$0.element.orderID] == $0.offset }.map(\.element)
        for order in unique { try await write(order) }
        let ids = unique.map(\.orderID)
        try await run("DELETE FROM order_lines WHERE order_id = ANY(\(ids))")
        let lines = unique.flatMap { order in order.lines.enumerated().map { (order.orderID, Int64($0.offset + 1), $0.element) } }
        let (owners, numbers, skus) = (lines.map(\.0), lines.map(\.1), lines.map(\.2.sku))
        let (descriptions, quantities, prices) = (lines.map(\.2.description), lines.map { Int64($0.2.qty) }, lines.map(\.2.unitPrice.cents))
        try await run(
            """
            INSERT INTO order_lines (order_id, line_no, sku, description, qty, unit_price_cents)
            SELECT * FROM unnest(\(owners)::text[], \(numbers)::bigint[], \(skus)::text[], \(descriptions)::text[],
              \(quantities)::bigint[], \(prices)::bigint[])
            """)
        try await run("DELETE FROM order_keys WHERE order_id = ANY(\(ids))")
        let keys = unique.flatMap { order in
            CustomerKeys(name: order.customer.name, phone: order.customer.phone, postcode: order.customer.address?.postcode)
                .keys(skus: order.lines.map(\.sku)).sorted().map { ($0, order.placedAt.timeIntervalSince1970, order.orderID) }
        }
        try await run(
            """
            INSERT INTO order_keys (key, placed_at, order_id)
            SELECT * FROM unnest(\(keys.map(\.0))::text[], \(keys.map(\.1))::float8[], \(keys.map(\.2))::text[])
            ON CONFLICT DO NOTHING
            """)
    }

    /// The order row and its customer; the lines and keys are written by ``write(orders:)``.
    private func write(_ order: Order) async throws {
        let customer = order.customer
        let address = customer.address
        let customerID = try await connection.query(
            """
            INSERT INTO customers (customer_key, name, email, phone, line1, city, postcode, country)
            VALUES (\(customer.storeKey), \(customer.name), \(customer.email), \(customer.phone), \(address?.line1),
              \(address?.city), \(address?.postcode), \(address?.country))
            ON CONFLICT (customer_key) DO UPDATE SET name = EXCLUDED.name RETURNING id
            """, logger: logger
        ).collect().first?.decode(Int64.self) ?? 0
        let (placed, delivered) = (order.placedAt.timeIntervalSince1970, order.deliveredAt?.timeIntervalSince1970)
        try await run(
            """
            INSERT INTO orders (order_id, order_number, customer_id, customer_name, email, phone, line1, city, postcode,
              country, placed_at, currency, total_cents, status, delivered_at)
            VALUES (\(order.orderID), \(order.orderNumber), \(customerID), \(customer.name), \(customer.email),
              \(customer.phone), \(address?.line1), \(address?.city), \(address?.postcode), \(address?.country),
              \(placed), \(order.currency), \(order.total.cents), \(order.status), \(delivered))
            ON CONFLICT (order_id) DO UPDATE SET order_number = EXCLUDED.order_number, customer_id = EXCLUDED.customer_id,
              customer_name = EXCLUDED.customer_name, email = EXCLUDED.email, phone = EXCLUDED.phone,
              line1 = EXCLUDED.line1, city = EXCLUDED.city, postcode = EXCLUDED.postcode, country = EXCLUDED.country,
              placed_at = EXCLUDED.placed_at, currency = EXCLUDED.currency, total_cents = EXCLUDED.total_cents,
              status = EXCLUDED.status, delivered_at = EXCLUDED.delivered_at
            """)
    }

    /// A PO's lines, numbered from 1 as both stores number them.
    private func insertLines(_ lines: [OrderLine], poNumber: String) async throws {
        guard !lines.isEmpty else { return }
        let numbers = lines.indices.map { Int64($0 + 1) }
        let (skus, descriptions) = (lines.map(\.sku), lines.map(\.description))
        let (quantities, prices) = (lines.map { Int64($0.qty) }, lines.map(\.unitPrice.cents))
        try await run(
            """
            INSERT INTO po_lines (po_number, line_no, sku, description, qty, unit_price_cents)
            SELECT \(poNumber), * FROM unnest(\(numbers)::bigint[], \(skus)::text[], \(descriptions)::text[],
              \(quantities)::bigint[], \(prices)::bigint[])
            """)
    }

    private func write(_ po: PurchaseOrder) async throws {
        try await run(
            """
            INSERT INTO purchase_orders (po_number, supplier, currency, total_cents, issued_at)
            VALUES (\(po.poNumber), \(po.supplier), \(po.currency), \(po.total.cents), \(po.issuedAt.timeIntervalSince1970))
            ON CONFLICT (po_number) DO UPDATE SET supplier = EXCLUDED.supplier, currency = EXCLUDED.currency,
              total_cents = EXCLUDED.total_cents, issued_at = EXCLUDED.issued_at
            """)
        try await run("DELETE FROM po_lines WHERE po_number = \(po.poNumber)")
        try await insertLines(po.lines, poNumber: po.poNumber)
    }

    private func write(_ invoice: SeenInvoice) async throws {
        try await run(
            """
            INSERT INTO invoices (supplier, invoice_number, invoice_date, total_cents)
            VALUES (\(invoice.supplier), \(invoice.invoiceNumber), \(invoice.invoiceDate?.timeIntervalSince1970),
              \(invoice.total?.cents))
            ON CONFLICT (supplier, invoice_number) DO UPDATE SET invoice_date = EXCLUDED.invoice_date,
              total_cents = EXCLUDED.total_cents
            """)
    }

    private func write(_ payment: Payment) async throws {
        try await run(
            """
            INSERT INTO payments (payment_id, order_number, status, amount_cents, currency, updated_at)
            VALUES (\(payment.paymentID), \(payment.orderNumber), \(payment.status), \(payment.amount.cents),
              \(payment.currency), \(payment.updatedAt.timeIntervalSince1970))
            ON CONFLICT (payment_id) DO UPDATE SET order_number = EXCLUDED.order_number, status = EXCLUDED.status,
              amount_cents = EXCLUDED.amount_cents, currency = EXCLUDED.currency, updated_at = EXCLUDED.updated_at
            """)
    }

    private func write(_ shipment: Shipment) async throws {
        try await run(
            """
            INSERT INTO shipments (shipment_id, order_number, carrier, status, shipped_at, delivered_at)
            VALUES (\(shipment.shipmentID), \(shipment.orderNumber), \(shipment.carrier), \(shipment.status),
              \(shipment.shippedAt?.timeIntervalSince1970), \(shipment.deliveredAt?.timeIntervalSince1970))
            ON CONFLICT (shipment_id) DO UPDATE SET order_number = EXCLUDED.order_number, carrier = EXCLUDED.carrier,
              status = EXCLUDED.status, shipped_at = EXCLUDED.shipped_at, delivered_at = EXCLUDED.delivered_at
            """)
    }

    private func write(_ count: InventoryCount) async throws {
        try await run(
            """
            INSERT INTO inventory (sku, system, quantity) VALUES (\(count.sku), \(count.system), \(Int64(count.quantity)))
            ON CONFLICT (sku, system) DO UPDATE SET quantity = EXCLUDED.quantity
            """)
    }
}
