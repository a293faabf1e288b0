import Foundation
import Testing
import TriageCore

@testable import TriageWorker

/// The amount payable, on receipt lines from the SROIE dev cases and on invoices written in other countries.
@Suite("Invoice total: the amount payable")
struct InvoiceTotalTests {
    func total(_ text: String) -> String? {
        InvoiceTotal.find(AmountLine.lines(of: text)).map { $0.amount.description }
    }

    @Test("the rounded total wins over the unrounded one, and tendered − change agrees (SROIE)")
    func roundedTotal() {
        let text = "ITEM (S) : 5  QTY(S) : 5\nTOTAL  RM 30.91\nROUNDING ADJUSTMENT  RM 0.01\nTOTAL ROUNDED  RM 30.90\n"
            + "CASH  RM 51.00\nCHANGE  RM 20.10"
        #expect(total(text) == "30.90")
    }

    @Test("a total including tax beats the subtotal and the total before tax; item counts are not totals (SROIE)")
    func inclusiveTotal() {
        let text = "SUBTOTAL :  15.90\nTOTAL EXCL. OF GST  15.00\nTOTAL INCL. OF GST  15.90\nTOTAL AMT ROUNDED  15.90\n"
            + "PAYMENT :  50.00\nCHANGE DUE :  34.10\nTOTAL ITEM(S) : 1"
        #expect(total(text) == "15.90")
        #expect(total("TOTAL QTY:  20  599.43\nTOTAL SALES (EXCLUDING GST) :  565.50\nTOTAL GST :  33.93\n"
            + "ROUNDING :  0.02\nTOTAL SALES (INCLUSIVE OF GST) :  599.45") == "599.45")
    }

    @Test("when labels disagree, the total confirmed by cash minus change wins (SROIE)")
    func cashMinusChange() {
        let text = "TOTAL RM INCL. OF GST  20.98\nROUNDING ADJ  0.02\nTOTAL RM  21.00\nCASH  -50.00\nCHANGE  29.00\n"
            + "TOTAL SAVINGS  -6.40"
        #expect(total(text) == "21.00")
        #expect(total("TOTAL (INCLUSIVE OF GST):  48.16\nROUNDING ADJ:  -0.01\nTOTAL:  48.15\nCASH :  50.00\nCHANGE :  1.85")
            == "48.15")
    }

    @Test("a tax line that mentions the total is tax; an amount written '.10' is read (SROIE)")
    func taxLines() {
        #expect(total("TOTAL INCL. GST@6%  RM 53.30\nGST @6% INCLUDED IN TOTAL  RM 3.02") == "53.30")
        #expect(AmountLine("CHANGE RM  .10", index: 0).amounts == [Money(cents: 10)])
    }

    @Test("no total line: what changed hands, when it is printed elsewhere (SROIE)")
    func paidWithoutLabel() {
        #expect(total("2 X 14.20  28.40\nTATAL SALES  28.40\nCASH  50.00\nCHANGE  21.60") == "28.40")
    }

    @Test("a German invoice: Gesamtsumme over Zwischensumme and USt")
    func german() {
        let text = "Zwischensumme netto  1.000,00 €\nzzgl. USt 19 %  190,00 €\nGesamtsumme brutto  1.190,00 €"
        #expect(total(text) == "1190.00")
    }

    @Test("a UK VAT receipt: balance to pay over the net figure; the card tendered is not the total")
    func britishReceipt() {
        let text = "Net  £41.25\nVAT @ 20%  £8.25\nBalance to pay  £49.50\nVisa contactless  £49.50"
        #expect(total(text) == "49.50")
    }

    @Test("a US receipt: the amount due, with thousands separators and dollars")
    func americanReceipt() {
        let text = "Merchandise  $1,180.00\nSales tax 4.625%  $54.58\nAmount due  $1,234.58\nMastercard  $1,234.58"
        #expect(total(text) == "1234.58")
    }

    @Test("a Singapore receipt: the grand total after service charge and GST, not the quantity")
    func singapore() {
        let text = "Qty total  3\nSub Total  S$ 48.00\nSvc Chrg 10%  4.80\nGST 9%  4.75\nGrand Total  57.55"
        #expect(total(text) == "57.55")
    }

    @Test("a French facture: net à payer over the amount before tax")
    func french() {
        let text = "Total hors taxes  250,00 EUR\nTVA (20 %)  50,00 EUR\nNet à payer  300,00 EUR"
        #expect(total(text) == "300.00")
    }
}
