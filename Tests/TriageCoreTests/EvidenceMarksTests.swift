import Foundation
import Testing
import TriageCore

/// Evidence in place: quotes and values found in text people wrote, whatever its case and line breaks.
@Suite("Evidence marks")
struct EvidenceMarksTests {
    func marked(_ segments: [EvidenceMarks.Segment]) -> [String: String] {
        Dictionary(segments.compactMap { segment in segment.field.map { ($0, segment.text) } }, uniquingKeysWith: { a, _ in a })
    }

    @Test("a labelled quote marks its value under its label; a parameter value marks its field; the text is kept whole")
    func quotesAndValues() {
        let text = "Hi,\nthis is ADA  Byron here. I'd like to return the\nkettle from order 102231 please."
        let segments = EvidenceMarks.segments(
            text, evidence: ["name: Ada Byron", "return the kettle"], parameters: ["order_number": "102231", "currency": "GB"])
        #expect(segments.map(\.text).joined() == text)
        let marks = marked(segments)
        #expect(marks["name"] == "ADA  Byron")
        #expect(marks["evidence"] == "return the\nkettle")
        #expect(marks["order_number"] == "102231")
        #expect(marks["currency"] == nil)
        #expect(segments.first { $0.field == "order_number" }?.target == "field-order_number")
        #expect(segments.first { $0.field == "evidence" }?.target == "evidence-2")
    }

    @Test("overlapping needles keep the earlier, longer mark; a quote that is not in the text marks nothing")
    func overlapsAndMisses() {
        let text = "Order 55120 arrived broken"
        let segments = EvidenceMarks.segments(text, evidence: ["Order 55120 arrived", "not in the text"], parameters: ["order_number": "55120"])
        #expect(segments.map(\.text) == ["Order 55120 arrived", " broken"])
        #expect(segments[0].field == "evidence")
    }

    @Test("an order line is named by its SKU, by two words of its name, or by the candidate's SKU reason")
    func requestedLines() {
        let line = { (sku: String, name: String) in OrderLine(sku: sku, description: name, qty: 1, unitPrice: Money(cents: 100)) }
        let lines = RequestedLines(text: "the grey Power Bank I bought (PWB-204) and a pillow", reasons: ["SKU MUG-1 on order"])
        #expect(lines.names(line("PWB-204", "Power bank 20,000 mAh, grey")))
        #expect(lines.names(line("XXX-1", "Power bank 10,000 mAh, black")))
        #expect(lines.names(line("MUG-1", "Mug")))
        #expect(lines.names(line("PLW-207", "Pillow")))
        #expect(!lines.names(line("HKB-211", "Waterproof hiking boots, US 11, brown")))
    }
}
