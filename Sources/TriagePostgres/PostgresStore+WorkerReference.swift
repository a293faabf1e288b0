import Foundation
import PostgresNIO
import TriageCore

extension PostgresStore: WorkerReference {
    /// Orders sharing a blocking key with the query, most shared keys first, newest first on a tie: the SQLite store's
    /// ranking (`CustomerKeys`), as one statement whose keys arrive as arrays, each key one index range scan, which
    /// also reads the orders and their lines: one round trip.
    public func candidateOrders(_ query: CandidateQuery) async throws -> [Order] {
        try await timed("candidateOrders") { [self] in
            try PostgresOrderReads.orders(try await client.query(candidateQuery(query), logger: logger).collect())
        }
    }

    private func candidateQuery(_ query: CandidateQuery) -> PostgresQuery {
        let keys = query.blockingKeys
        let cap = max(query.limit, 0)
        let email = query.email?.lowercased()
        let (low, high) = query.window
        var ranked: PostgresQuery = """
            SELECT order_id, row_number() OVER (
                ORDER BY SUM(weight) DESC, MAX(placed_at) DESC, order_id COLLATE "C") AS rank
            FROM (
              SELECT k.order_id, k.placed_at, q.weight
              FROM unnest(\(keys), \(keys.map { Int64(CustomerKeys.weight(of: $0)) }),
                \(keys.map { Int64(CustomerKeys.contribution(of: $0, limit: cap)) })) AS q (key, weight, cap)
              CROSS JOIN LATERAL (
                SELECT order_id, placed_at FROM order_keys
                WHERE key = q.key AND placed_at BETWEEN \(low) AND \(high) ORDER BY placed_at DESC LIMIT q.cap) AS k
              UNION ALL
              (SELECT order_id, placed_at, \(Int64(CustomerKeys.strongWeight)) FROM orders
               WHERE \(email)::text <> '' AND lower(email) = \(email) AND placed_at BETWEEN \(low) AND \(high)
               LIMIT \(Int64(cap)))
            ) AS shared
            GROUP BY order_id ORDER BY rank LIMIT \(Int64(cap))
            """
        ranked.sql = PostgresOrderReads.withLines(ranked.sql)
        return ranked
    }

    /// The order with this storefront order number.
    public func order(number: String) async throws -> Order? {
        try await timed("order") { [self] in
            try await PostgresOrderReads(client: client, logger: logger).order(.number(number))
        }
    }

    /// The order with this id.
    public func order(id: String) async throws -> Order? {
        try await timed("order") { [self] in try await PostgresOrderReads(client: client, logger: logger).order(.id(id)) }
    }

    /// The product with this SKU.
    public func product(sku: String) async throws -> Product? {
        try await timed("product") { [self] in try await products(skus: [sku]).first }
    }

    /// Products whose name shares an adjacent word pair with the text's, most shared first, then by SKU.
    public func products(sharingPairs pairs: [String], limit: Int) async throws -> [Product] {
        let unique = Array(Set(pairs)).sorted()
        guard !unique.isEmpty, limit > 0 else { return [] }
        return try await timed("products") { [self] in
            let rows = try await client.query(
                """
                SELECT sku FROM product_pairs WHERE pair = ANY(\(unique))
                GROUP BY sku ORDER BY COUNT(*) DESC, sku COLLATE "C" LIMIT \(Int64(limit))
                """, logger: logger)
            return try await products(skus: rows.collect().map { try $0.decode(String.self) })
        }
    }

    /// Products with these SKUs, in the order given.
    private func products(skus: [String]) async throws -> [Product] {
        let rows = try await client.query(
            "SELECT \(unescaped: PostgresReferenceRows.productColumns) FROM products WHERE sku = ANY(\(skus))",
            logger: logger)
        let found = Dictionary(
            try await rows.collect().map(PostgresReferenceRows.product).map { ($0.sku, $0) },
            uniquingKeysWith: { first, _ in first })
        return skus.compactMap { found[$0] }
    }

    /// Every supplier, by name.
    public func suppliers() async throws -> [Supplier] {
        try await timed("suppliers") { [self] in
            let rows = try await client.query(
                "SELECT supplier_id, name, aliases FROM suppliers ORDER BY name COLLATE \"C\"", logger: logger)
            return try await rows.collect().map(PostgresReferenceRows.supplier)
        }
    }

    /// The purchase order with this number (compared as upper-case letters and digits).
    public func purchaseOrder(number: String) async throws -> PurchaseOrder? {
        try await timed("purchaseOrder") { [self] in
            let key = TextKeys.idKey(number)
            let numbers = try await client.query("SELECT po_number FROM purchase_orders", logger: logger)
            guard let match = try await numbers.collect().map({ try $0.decode(String.self) })
                .first(where: { TextKeys.idKey($0) == key })
            else { return nil }
            return try await purchaseOrders("po_number = \(match)").first
        }
    }

    /// Purchase orders of one supplier (by the name on the PO, case-insensitive), newest first.
    public func purchaseOrders(supplier: String) async throws -> [PurchaseOrder] {
        try await timed("purchaseOrders") { [self] in
            try await purchaseOrders("lower(supplier) = lower(\(supplier)) ORDER BY issued_at DESC, po_number COLLATE \"C\"")
        }
    }

    /// Purchase orders matching `condition` (a `WHERE` clause, with its order), with their lines.
    private func purchaseOrders(_ condition: PostgresQuery) async throws -> [PurchaseOrder] {
        let query = PostgresQuery(
            unsafeSQL: "SELECT \(PostgresReferenceRows.purchaseOrderColumns) FROM purchase_orders WHERE "
                + condition.sql, binds: condition.binds)
        let headers = try await client.query(query, logger: logger).collect()
            .map { try PostgresReferenceRows.purchaseOrder($0, lines: []) }
        let lineRows = try await client.query(
            """
            SELECT po_number, sku, description, qty, unit_price_cents FROM po_lines
            WHERE po_number = ANY(\(headers.map(\.poNumber))) ORDER BY po_number, line_no
            """, logger: logger)
        var lines: [String: [OrderLine]] = [:]
        for row in try await lineRows.collect() {
            let (number, line) = try PostgresReferenceRows.keyedLine(row)
            lines[number, default: []].append(line)
        }
        return headers.map { header in
            var order = header
            order.lines = lines[header.poNumber] ?? []
            return order
        }
    }

    /// An invoice already received from this supplier with this number (upper-case letters and digits compared).
    public func seenInvoice(supplier: String, invoiceNumber: String) async throws -> SeenInvoice? {
        try await timed("seenInvoice") { [self] in
            let key = TextKeys.idKey(invoiceNumber)
            let rows = try await client.query(
                """
                SELECT supplier, invoice_number, invoice_date, total_cents FROM invoices
                WHERE lower(supplier) = lower(\(supplier))
                """, logger: logger)
            for row in try await rows.collect() {
                let (name, number, date, total) = try row.decode((String, String, Double?, Int64?).self)
                guard TextKeys.idKey(number) == key else { continue }
                return SeenInvoice(
                    supplier: name, invoiceNumber: number, invoiceDate: date.map(Date.init(timeIntervalSince1970:)),
                    total: total.map(Money.init(cents:)))
            }
            return nil
        }
    }
}
