import Foundation
import Testing

@testable import TriageWorker

/// Issue 24: invoice numbers after the labels suppliers write in their own languages.
@Suite("Invoice number labels")
struct InvoiceNumberLabelTests {
    @Test("the number after a label in another language is read", arguments: [
        ("Faktura 202600530, Umeå 6 mars 2026", "202600530"),
        ("Factura A/2026/0201 - Fecha 27-02-2026", "A/2026/0201"),
        ("Faktura VAT FV 44/03/2026 z dnia 12.03.2026", "FV 44/03/2026"),
        ("Fattura n. 000094/26", "000094/26"),
        ("Factuurnummer: 2026-10311", "2026-10311"),
        ("Rechnungsnummer RE-2026-00418", "RE-2026-00418"),
        ("FACTURE N° F-10391.", "F-10391"),
        ("Nota di credito 3/NC del 02-02-2026", "3/NC"),
        ("Invoice No. INV-2041", "INV-2041"),
    ])
    func labels(line: String, number: String) {
        #expect(InvoiceExtractor.invoiceNumber("Acme Ltd\n" + line) == number)
    }

    @Test("a label followed by a word, not a number, reads nothing from the next words")
    func noNumber() {
        #expect(InvoiceExtractor.invoiceNumber("Invoice to Fernhollow Ltd, 12 Main Street") == nil)
    }

    @Test("an amount subtracted (a deposit, a credit) is seen; dates and codes with dashes are not amounts")
    func deductions() {
        #expect(InvoiceTask.deducts("(factura proforma PF26-0031)   -1.000,00"))
        #expect(InvoiceTask.deducts("Less deposit paid (250.00)"))
        #expect(!InvoiceTask.deducts("Fecha 27-02-2026, PO-4417302, SKU GT-10231 at 24,90"))
    }
}
