import Foundation
import Testing
import TriageCore

@testable import TriageWorker

/// Issue 11: inputs that used to trap the worker and leave its job leased forever.
@Suite("Poison inputs", .timeLimit(.minutes(5)))
struct PoisonInputTests {
    @Test("an invoice whose total is too large for cents is read without a total", arguments: [
        "Total: 9000000000000000000", "Total: 12345678901234567890.00", "TOTAL DUE 99999999999999999,99 EUR",
    ])
    func hugeInvoiceTotal(_ line: String) async throws {
        #expect(AmountFinder.amounts(in: line).isEmpty)
        let text = "ACME Supplies\nInvoice INV-1\n\(line)\n"
        let suggestion = try await TestWorld.engine().suggest(
            for: TestWorld.record(.supplierInvoice, ["text": .string(text), "received_at": "2026-11-06"]),
            task: .invoice)
        #expect(suggestion.text("total") == nil)
    }

    @Test("return items with a huge or non-whole quantity do not trap", arguments: [1e300, -1e300, 1e19, 2.5])
    func hugeReturnQuantity(_ qty: Double) async throws {
        let input: [String: JSONValue] = [
            "text": "Please take back my kettle. Jane Doe", "customer_name": "Jane Doe",
            "items": [["description": "Kettle", "qty": .number(qty)]], "refund_amount": .number(1e300),
            "received_at": "2026-11-06",
        ]
        let suggestion = try await TestWorld.engine().suggest(
            for: TestWorld.record(.returnRequest, input), task: .returnMatch)
        #expect(suggestion.task == .returnMatch)
    }
}
