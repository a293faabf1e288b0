import Foundation
import Testing
import TriageCore
@testable import TriageWorker

/// Billed lines read without knowing the layout: the arithmetic of quantity × price = amount, or a marker tying a
/// quantity to a price. Rows from SROIE receipts and hand-written rows in other layouts.
@Suite("Invoice lines in any layout")
struct InvoiceLineParserTests {
    @Test("rows whose numbers multiply out are lines", arguments: [
        ("9555916500133  1  X  3.11  3.11", 1, 311, 311),
        ("H-KET     Gooseneck kettle, brushed steel     40     42.00     1,680.00", 40, 4_200, 168_000),
        ("2   Schreibtischlampe Messing   3   45,90 €   137,70 €", 3, 4_590, 13_770),
        ("Chair, beech ..... 4 @ 59.90 = 239.60", 4, 5_990, 23_960),
        ("Thermal paper rolls 80mm x 10 | 12 | 2.35 | 28.20", 12, 235, 2_820),
    ])
    func arithmeticRows(_ row: String, _ qty: Int, _ unit: Int64, _ amount: Int64) throws {
        let line = try #require(InvoiceLineParser.parse(row))
        #expect(line.qty == qty)
        #expect(line.unitPrice == Money(cents: unit))
        #expect(line.amount == Money(cents: amount))
    }

    @Test("a marker ties a count to a price", arguments: [
        ("12x Enamel mug, teal @ 4.10", 12, 410), ("Enamel mug, teal   12 x 4.10", 12, 410),
    ])
    func markedRows(_ row: String, _ qty: Int, _ unit: Int64) throws {
        let line = try #require(InvoiceLineParser.parse(row))
        #expect(line.qty == qty && line.unitPrice == Money(cents: unit))
        #expect(line.description.lowercased().hasPrefix("enamel mug"))
    }

    @Test("totals, tax, counts and text without prices are not lines", arguments: [
        "TOTAL ROUNDED  RM 30.90", "GST @ 6% :  1.20", "ITEM (S) : 5  QTY(S) : 5", "Payment due within 30 days",
        "SR @ 6%  1  20.00  1.20 SUMMARY",
    ])
    func notLines(_ row: String) {
        #expect(InvoiceLineParser.parse(row) == nil)
    }
}
