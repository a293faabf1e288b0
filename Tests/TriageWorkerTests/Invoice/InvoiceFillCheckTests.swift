import Foundation
import Testing
import TriageCore

@testable import TriageWorker

/// What the model returns for a missing field must occur in the text.
@Suite("Model fill checked against the text")
struct InvoiceFillCheckTests {
    let supplier = Supplier(supplierID: "s-1", name: "Northwind Paper Co.", aliases: ["Northwind"])

    @Test("a directory supplier is accepted only when a line of the text names it (OCR noise allowed)")
    func supplierInText() {
        #expect(InvoiceFill.occurs(supplier, in: "NORTHWIND PAPER CO.\nUnit 4, Mill Road"))
        #expect(InvoiceFill.occurs(supplier, in: "Remit to:\nNorthwlnd Paper Co."))
        #expect(!InvoiceFill.occurs(supplier, in: "Lakeside Office Supply\nUnit 4, Mill Road"))
    }
}
