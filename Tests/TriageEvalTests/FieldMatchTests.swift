import Testing
import TriageCore
@testable import TriageEval

@Suite("Field matching")
struct FieldMatchTests {
    func right(_ key: String, _ expected: JSONValue, _ predicted: JSONValue?, task: AITask = .invoice) -> Bool {
        FieldMatch.verdict(key, task: task, expected: expected, predicted: predicted).right
    }

    @Test("money is equal to the cent, whatever the formatting")
    func money() {
        #expect(right("total", "4499.50", "4,499.50"))
        #expect(right("total", "4499.50", "4499.5"))
        #expect(!right("total", "4499.50", "4499.51"))
        #expect(!right("total", "4499.50", "unknown"))
    }

    @Test("a currency printed beside a labelled amount is not part of it")
    func moneyWithCurrency() {
        #expect(right("total", "RM 8.60", "8.60"))
        #expect(right("total", "$8.20", "8.20"))
        #expect(right("total", "RM4.00", "4.00"))
        #expect(right("total", "1.234,50 €", "1234.50"))
        #expect(right("total", "EUR 12.00", "12.00"))
        #expect(!right("total", "RM 8.60", "8.61"))
        #expect(!right("total", "RM", "0.00"))
    }

    @Test("dates match on the calendar day")
    func dates() {
        #expect(right("invoice_date", "2026-10-14", "2026-10-14T15:30:00Z"))
        #expect(!right("invoice_date", "2026-10-14", "2026-10-15"))
    }

    @Test("ids compare as upper-case letters and digits only")
    func ids() {
        #expect(right("po_number", "PO-7781", "po 7781"))
        #expect(right("invoice_number", "TT/26/118", "tt-26-118"))
        #expect(right("order_number", "#1001", "1001", task: .warranty))
        #expect(!right("invoice_number", "NW-55120", "NW-55121"))
    }

    @Test("names are right when equal after folding or within 10 % edit distance; strict needs equality")
    func names() {
        let folded = FieldMatch.verdict("supplier", task: .invoice, expected: "Bean & Leaf Packaging Co.", predicted: "bean leaf packaging co")
        #expect(folded.right && folded.strict == true)
        let noisy = FieldMatch.verdict("supplier", task: .invoice, expected: "Harbour & Finch Trading Co.", predicted: "Harbour & Fincb Tradinq Co.")
        #expect(noisy.right && noisy.strict == false)
        #expect(!right("supplier", "Northwind Appliances Ltd", "Contoso Electronics Inc."))
    }

    @Test("null matches only null")
    func nulls() {
        #expect(right("po_number", .null, nil))
        #expect(right("order_id", .null, .null, task: .returnMatch))
        #expect(!right("order_id", .null, "ord-1", task: .returnMatch))
        #expect(!right("order_id", "ord-1", .null, task: .returnMatch))
    }
}
