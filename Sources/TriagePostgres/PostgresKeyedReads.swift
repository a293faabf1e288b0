import Foundation
import Logging
import PostgresNIO
import TriageCore

/// What a routing batch reads by key, gathered across the runs of its body (see ``StatementReplay``): products,
/// inventory counts, how many like exceptions other writers stored, and the refunds and returns of orders.
///
/// A run that asks for a key not read yet gets a stand-in (no product, no counts, zero) and is marked *guessing*: it
/// goes on, so it asks for every key the batch needs, but it sends no statement and is never committed. When it stops,
/// the store reads all it asked for in one group of statements, and the body runs again on the real values. A batch of
/// thousands of exceptions with as many SKUs so costs one extra run, not one per SKU.
///
/// The values are the database's before this transaction wrote anything of its kind (its own exceptions are left out
/// of the counts; its refunds, returns and inventory changes are held until it ends): each run adds what it wrote
/// itself, the same way every time.
final class PostgresKeyedReads {
    private(set) var products: [String: Product?] = [:]
    private(set) var inventory: [String: [InventoryCount]] = [:]
    private(set) var occurrences: [OccurrenceKey: Int] = [:]
    private(set) var refunded: [String: Money] = [:]
    private(set) var returned: [String: [String: Int]] = [:]
    /// The exceptions this transaction stored, left out of `occurrences`.
    var ownExceptions: Set<Int64> = []

    private var wantedProducts: Set<String> = []
    private var wantedInventory: Set<String> = []
    private var wantedOccurrences: Set<OccurrenceKey> = []
    private var wantedLedgers: Set<String> = []

    /// Whether a run asked for something not read yet.
    var isWanting: Bool {
        !(wantedProducts.isEmpty && wantedInventory.isEmpty && wantedOccurrences.isEmpty && wantedLedgers.isEmpty)
    }

    /// The lines of its order each exception asks about, worked out once per transaction: every run of the body joins
    /// the same exceptions to the same cards.
    let requested = RequestedLines.Memo()

    /// A type, source and reason of exception, as `occurrences` counts them.
    struct OccurrenceKey: Hashable {
        let source: String
        let kind: ExceptionKind
        let reason: String?
    }

    func product(_ sku: String) -> Product?? {
        if let known = products[sku] { return .some(known) }
        wantedProducts.insert(sku)
        return nil
    }

    /// Asks for these products too, with the next read.
    func want(products skus: some Sequence<String>) {
        for sku in skus where products[sku] == nil { wantedProducts.insert(sku) }
    }

    func inventory(_ sku: String) -> [InventoryCount]? {
        if let known = inventory[sku] { return known }
        wantedInventory.insert(sku)
        return nil
    }

    func occurrences(_ key: OccurrenceKey) -> Int? {
        if let known = occurrences[key] { return known }
        wantedOccurrences.insert(key)
        return nil
    }

    /// What was refunded on the order and which of its items came back, before this transaction.
    func ledger(_ orderNumber: String) -> (refunded: Money, returned: [String: Int])? {
        if let refunded = refunded[orderNumber], let returned = returned[orderNumber] { return (refunded, returned) }
        wantedLedgers.insert(orderNumber)
        return nil
    }

    /// Reads everything asked for, in one group of statements (one per occurrence key), each within `deadline`.
    func fetch(on connection: PostgresConnection, logger: Logger, deadline: Duration) async throws {
        let query = { (query: PostgresQuery) in
            try await StatementReplay.rows(of: query, on: connection, logger: logger, deadline: deadline)
        }
        if !wantedProducts.isEmpty {
            let skus = Array(wantedProducts)
            for sku in skus { products[sku] = .some(nil) }
            for row in try await query(
                "SELECT \(unescaped: PostgresReferenceRows.productColumns) FROM products WHERE sku = ANY(\(skus))")
            {
                let product = try PostgresReferenceRows.product(row)
                products[product.sku] = .some(product)
            }
        }
        if !wantedInventory.isEmpty {
            let skus = Array(wantedInventory)
            for sku in skus { inventory[sku] = [] }
            for row in try await query(
                "SELECT sku, system, quantity FROM inventory WHERE sku = ANY(\(skus)) ORDER BY sku, system")
            {
                let (sku, system, quantity) = try row.decode((String, String, Int64).self)
                inventory[sku, default: []].append(InventoryCount(sku: sku, system: system, quantity: Int(quantity)))
            }
        }
        let own = ownExceptions.sorted()
        for key in wantedOccurrences {
            let count = try await query(
                """
                SELECT COUNT(*) FROM exceptions
                WHERE kind = \(key.kind.rawValue) AND source = \(key.source) AND reason IS NOT DISTINCT FROM \(key.reason)
                  AND NOT (id = ANY(\(own)))
                """
            ).first?.decode(Int64.self)
            occurrences[key] = Int(count ?? 0)
        }
        if !wantedLedgers.isEmpty {
            let numbers = Array(wantedLedgers)
            for number in numbers { (refunded[number], returned[number]) = (Money(cents: 0), [:]) }
            for row in try await query(
                "SELECT order_number, refunded_cents FROM orders WHERE order_number = ANY(\(numbers))")
            {
                let (number, cents) = try row.decode((String, Int64).self)
                refunded[number] = Money(cents: cents)
            }
            for row in try await query(
                "SELECT order_number, sku, qty FROM order_returns WHERE order_number = ANY(\(numbers))")
            {
                let (number, sku, qty) = try row.decode((String, String, Int64).self)
                returned[number, default: [:]][sku, default: 0] += Int(qty)
            }
        }
        (wantedProducts, wantedInventory, wantedOccurrences, wantedLedgers) = ([], [], [], [])
    }
}

