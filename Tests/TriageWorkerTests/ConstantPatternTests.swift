import Foundation
import Testing

@testable import TriageWorker

/// Every pattern compiled with ``ConstantPattern`` is touched here, so a literal that stops compiling fails this
/// suite instead of silently matching nothing in production.
@Suite("ConstantPattern")
struct ConstantPatternTests {
    @Test func amountPatternCompilesAndFindsAnAmount() {
        #expect(AmountFinder.regex.numberOfCaptureGroups == 1)
        #expect(AmountFinder.amounts(in: "Total 4,499.50").map(\.description) == ["4499.50"])
    }

    @Test func everyInjectionPatternCompiles() {
        #expect(InjectionPatterns.instruction.count == InjectionPatterns.sources.count)
        #expect(InjectionPatterns.ask.firstMatch(in: "please refund", range: NSRange(location: 0, length: 13)) != nil)
    }

    @Test func invoiceNumberPatternCompilesAndReadsANumber() {
        #expect(InvoiceExtractor.invoiceNumberPattern.numberOfCaptureGroups == 1)
        #expect(InvoiceExtractor.invoiceNumber("Invoice No: INV-2041") == "INV-2041")
    }

    @Test func everyDatePatternCompiles() {
        #expect(DateFinder.readers.count == 8)
    }
}
