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

/// Probe 23.8: a 200,000-line invoice held `worker --once --job-deadline 20` until it was killed.
@Suite("Huge inputs end within a deadline", .timeLimit(.minutes(5)))
struct HugeInputTests {
    @Test("an invoice over the 64 KiB cap (3,000 lines) is read up to the cap, flagged, and never high confidence")
    func hugeInvoiceIsCut() async throws {
        let line = "SKU-1001  Widget large blue   2  x 14.50   29.00\n"
        let text = "ACME Supplies\nInvoice INV-1\nPO 4500012345\n" + String(repeating: line, count: 3_000)
        let clock = ContinuousClock()
        let started = clock.now
        let suggestion = try await TestWorld.engine().suggest(
            for: TestWorld.record(.supplierInvoice, ["text": .string(text), "received_at": "2026-11-06"]), task: .invoice)
        #expect(suggestion.flags.contains("input_truncated"))
        #expect(suggestion.confidence != .high)
        // Not a timing assertion: a bound far above any healthy run, that the uncapped reader (400 s) broke.
        #expect(clock.now - started < .seconds(120))
    }

    @Test("a text under the cap is read whole and not flagged")
    func ordinaryTextIsNotCut() async throws {
        let suggestion = try await TestWorld.engine().suggest(
            for: TestWorld.record(.supplierInvoice, ["text": "ACME Supplies\nInvoice INV-1\nTotal: 10.00", "received_at": "2026-11-06"]),
            task: .invoice)
        #expect(!suggestion.flags.contains("input_truncated"))
    }
}
