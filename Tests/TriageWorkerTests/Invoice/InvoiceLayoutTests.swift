import Foundation
import Testing
import TriageCore

@testable import TriageWorker

/// Invoices as suppliers abroad lay them out: digit groups of every country, totals labelled in their languages,
/// one-row tables printed in columns, credit notes, and prices whose reading only the row's arithmetic settles.
/// The texts are written for these tests, not taken from the dev suites.
@Suite("Invoice layouts from other countries")
struct InvoiceLayoutTests {
    func amounts(_ line: String) -> [String] {
        AmountLine(line, index: 0).amounts.map(\.description)
    }

    func total(_ text: String, lineSums: [Money] = []) -> String? {
        InvoiceTotal.find(AmountLine.lines(of: text), lineSums: lineSums).map { $0.amount.description }
    }

    @Test("digit groups: space, no-break space, apostrophes, dots and lakhs", arguments: [
        ("Summa att betala   18 340,50 kr", "18340.50"),
        ("Montant dû : 7\u{202F}215,00 €", "7215.00"),
        ("Endbetrag CHF 12'480.35", "12480.35"),
        ("Endbetrag CHF 12’480.35", "12480.35"),
        ("Totale 3.902,10 EUR", "3902.10"),
        ("Grand Total (Rs.)   12,45,600.00", "1245600.00"),
        ("Balance due USD 1,250.00", "1250.00"),
    ])
    func groups(_ line: String, _ expected: String) {
        #expect(amounts(line) == [expected])
    }

    @Test("totals labelled in the supplier's language", arguments: [
        ("Összesen nettó 100 000\nÁFA 27% 27 000\nFizetendő: 127 000 Ft", "127000.00"),
        ("Καθαρή αξία 200,00\nΦΠΑ 24% 48,00\nΠληρωτέο 248,00 €", "248.00"),
        ("Wartość netto 1 000,00\nVAT 23% 230,00\nRazem do zapłaty: 1 230,00 zł", "1230.00"),
        ("Nettobeløb 800,00\nMoms 25% 200,00\nI alt at betale 1.000,00 kr.", "1000.00"),
        ("Imponibile 500,00\nIVA 22% 110,00\nTotale fattura EUR 610,00", "610.00"),
        ("Base imponible 100,00\nIVA 21% 21,00\nTotal factura 121,00 €", "121.00"),
        ("Taxable value 2,00,000.00\nIGST 18% 36,000.00\nInvoice total 2,36,000.00", "236000.00"),
    ])
    func languages(_ text: String, _ expected: String) {
        #expect(total(text) == expected)
    }

    @Test("the billed lines do not outvote a total below them: freight and tax added, a deposit taken off")
    func linesDoNotOutvoteTheTotal() {
        let freight = "Subtotal 1,200.00\nShipping 45.00\nTotal USD 1,245.00"
        #expect(total(freight, lineSums: [Money("1200.00")!]) == "1245.00")
        let deposit = "Total 5,000.00\nLess advance paid (1,500.00)\nBalance due 3,500.00"
        #expect(total(deposit, lineSums: [Money("5000.00")!]) == "3500.00")
    }

    @Test("a one-row table in columns is read across, label by value")
    func columnTable() {
        let text = """
            Faktura nr     Datum        Er referens     Att betala
            2291-B         2026-04-02   Anna Lind       4 375,00 SEK

            Tack för beställningen!
            """
        let pairs = ColumnTable.pairs(in: text).map(\.text)
        #expect(pairs.contains("Faktura nr: 2291-B"))
        #expect(pairs.contains("Att betala: 4 375,00 SEK"))
        #expect(InvoiceExtractor.extract(text, sender: nil, received: Date(), suppliers: []).invoiceNumber == "2291-B")
    }

    @Test("billed lines under a header are not read as a one-row table; misaligned receipt columns are not read")
    func notATable() {
        let items = "Item     Qty    Price     Amount\nBench    2      80.00     160.00\nTable    1      240.00    240.00"
        #expect(ColumnTable.pairs(in: items).isEmpty)
        let receipt = "TAX SUMMARY  AMOUNT(RM)  TAX(RM)\nSR @ 6%  40.00  2.40\nTHANK YOU"
        #expect(ColumnTable.pairs(in: receipt).isEmpty)
    }

    @Test("a credit note's total is negative; an invoice that mentions a credit note is not one")
    func creditNotes() {
        #expect(CreditNote.says("KREDITNOTA nr. 5512\nBeløb 400,00"))
        #expect(CreditNote.says("Credit Note No: CN-0042"))
        #expect(!CreditNote.says("Invoice 7781\nWe will send a credit note for the damaged units."))
        let note = "Nota de crédito NC-118\nFecha: 03/04/2026\nTotal 90,75 €"
        let fields = InvoiceExtractor.extract(note, sender: nil, received: Date(), suppliers: [])
        #expect(fields.total == Money("-90.75"))
    }

    @Test("a price with three decimals reads as the row's arithmetic says; a quantity may carry decimals")
    func ambiguousPrices() {
        let line = InvoiceLineParser.parse("Semillas de pepino   3000   0,250   750,00")
        #expect(line?.qty == 3000)
        #expect(line?.unitPrice == Money("0.25"))
        #expect(InvoiceLineParser.parse("Cedar planter box    12.00    45.00    540.00")?.qty == 12)
        #expect(InvoiceLineParser.parse("Solar lantern  300 pcs @USD2.40/pc = USD720.00")?.unitPrice == Money("2.40"))
        #expect(InvoiceLineParser.parse("Reg no.  41 880 2201  55109") == nil)
    }

    @Test("a PO line billed over two deliveries is summed; freight matches no PO line")
    func summedPerArticle() async throws {
        let text = """
            Rheinhaus Haushaltswaren GmbH · Rechnung RH-2026-0519 · 12.11.2026 · Bestellung PO-9001
            Lieferung 03.11.  Cast iron skillet, 10-inch     25   30,00   750,00
            Lieferung 10.11.  Cast iron skillet, 10-inch     20   30,00   600,00
            Fracht                                            1   45,00    45,00
            Gesamt EUR 1.395,00
            """
        let suggestion = try await TestWorld.engine().suggest(
            for: TestWorld.record(.supplierInvoice, ["text": .string(text), "received_at": "2026-11-13"]), task: .invoice)
        #expect(suggestion.action == "hold_quantity")
        #expect(suggestion.notes.contains("billed 45 × SKL-100, ordered 40"))
        #expect(suggestion.confidence != .high)
    }

    @Test("several labelled amounts on one line are read part by part; a sum's result after the tax is its total")
    func partsOfALine() {
        #expect(total("Netto 640,00 | MwSt 19% 121,60 | Summe EUR 761,60") == "761.60")
        #expect(total("Subtotal 300.00 - GST 10% 30.00 - Total AUD 330.00") == "330.00")
        #expect(total("Grundlag 1.200,00 + moms 25% 300,00 = 1.500,00 kr.") == "1500.00")
        #expect(total("GRAND TOTAL:   80 CARTONS   1,920 PCS   USD 6,912.00") == "6912.00")
    }

    @Test("the buyer's order reference is read as labelled, in the supplier's language")
    func orderReferences() {
        #expect(PurchaseOrderLabel.references(in: "Votre commande n° 88-4410 du 2 mars") == ["88-4410"])
        #expect(PurchaseOrderLabel.references(in: "Uw bestelling: 7731/26") == ["7731/26"])
        #expect(PurchaseOrderLabel.references(in: "Thank you for your order!").isEmpty)
        #expect(PurchaseOrderLabel.digitGroups("Ord. 512/2026") == PurchaseOrderLabel.digitGroups("2026-NL-00512"))
        #expect(PurchaseOrderLabel.digitGroups("512/2025") != PurchaseOrderLabel.digitGroups("2026-NL-00512"))
    }

    @Test("dates written in the supplier's language and convention", arguments: [
        ("Lisboa, 3 de novembro de 2026", "2026-11-03"),
        ("Praha 1. března 2026", "2026-03-01"),
        ("Wystawiono: 14 października 2026", "2026-10-14"),
        ("Helsinki 9. joulukuuta 2026", "2026-12-09"),
        ("発行日 2026年04月07日", "2026-04-07"),
        ("Fakturadato 7/4 2026", "2026-04-07"),
        ("Istanbul, 12 Ağustos 2026", "2026-08-12"),
        ("請求日 令和8年4月7日", "2026-04-07"),
        ("작성일자 2026년 4월 7일", "2026-04-07"),
        ("Kelte: 2026. április 7.", "2026-04-07"),
        ("Ημερομηνία: 7 Απριλίου 2026", "2026-04-07"),
        ("วันที่ 7 เมษายน 2569", "2026-04-07"),
        ("Дата: 7 апреля 2026 г.", "2026-04-07"),
    ])
    func datesInLanguages(_ line: String, _ expected: String) {
        #expect(InvoiceDate.date(line, received: ISODate.parse("2026-12-31")!).map(ISODate.formatDay) == expected)
    }

    @Test("the labelled invoice date beats a delivery date on its line and a price list's validity below")
    func labelledDateInParts() {
        let text = "Factuurdatum 18-03-2026 | Leverdatum 16-03-2026\nPrijslijst geldig vanaf 01-03-2026"
        #expect(InvoiceDate.date(text, received: ISODate.parse("2026-12-31")!).map(ISODate.formatDay) == "2026-03-18")
    }

    @Test("an invoice laid out as label: value lines bills the one line its quantity and unit price label")
    func keyValueLine() {
        let text = "Factuur: 2026-0311\nOmschrijving: Tuinslang 25 m\nAantal: 120\nEenheidsprijs: € 18,40\nTotaal: € 2.671,68"
        let line = KeyValueLine.line(in: text)
        #expect(line?.qty == 120)
        #expect(line?.unitPrice == Money("18.40"))
        #expect(line?.description == "Tuinslang 25 m")
        #expect(KeyValueLine.line(in: "Aantal: 120\nAantal: 80\nEenheidsprijs: € 18,40") == nil)
    }

    @Test("a stack of headers, each over its values, is read header by header")
    func stackedHeaders() {
        let text = """
            KOBE GARDEN WORKS LTD.              Invoice No.        Dated
            3-1 Minatojima, Kobe                KGW/26/0093        07-Apr-2026
            Osaka Branch                        Terms              Dispatch
            """
        #expect(ColumnTable.pairs(in: text).map(\.text).contains("Invoice No.: KGW/26/0093"))
    }

    @Test("letters without a separable accent fold as readers type them")
    func folding() {
        #expect(TextWords.fold("Do zapłaty") == "do zaplaty")
        #expect(TextWords.fold("Straße") == "strasse")
        #expect(AmountLabel(AmountLine.words("Do zapłaty:")) == .payable)
    }
}
