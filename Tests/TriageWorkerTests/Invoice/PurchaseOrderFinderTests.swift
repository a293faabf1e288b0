import Foundation
import Testing
import TriageCore

@testable import TriageWorker

/// Issue 24: the PO found as a clerk finds it, by its letters and digits, whatever form it is printed in.
@Suite("PurchaseOrderFinder")
struct PurchaseOrderFinderTests {
    static func po(_ number: String, total: String = "100.00", skus: [String] = ["A-1"]) -> PurchaseOrder {
        PurchaseOrder(
            poNumber: number, supplier: "Acme", currency: "EUR", total: Money(total)!, issuedAt: Date(timeIntervalSince1970: 0),
            lines: skus.map { OrderLine(sku: $0, description: $0, qty: 1, unitPrice: Money("10.00")!) })
    }

    @Test("a PO printed with other spacing, punctuation or a PO prefix is found", arguments: [
        ("4500019388", "Ihre Bestellung: 45 0001 9388 vom 12.01."),
        ("2026/OA/00153", "Vs. ordine n. 2026-OA-00153"),
        ("PO-4417302", "Buyer's Order No. PO# 4417302"),
        ("4417302", "Customer ref PO 4417302, thank you"),
        ("ZAM/2026/01/0032", "Zamówienie: ZAM 2026 01 0032"),
    ])
    func printedForms(number: String, text: String) {
        let orders = [Self.po(number), Self.po("9999999")]
        #expect(PurchaseOrderFinder.referenced(orders, in: "Invoice 77\n" + text).map(\.poNumber) == [number])
    }

    @Test("a longer number that merely contains the PO's digits, or pieces on separate lines, is not the PO")
    func noFalseReference() {
        let orders = [Self.po("730118")]
        #expect(PurchaseOrderFinder.referenced(orders, in: "Account 77301180 IBAN DE89").isEmpty)
        #expect(PurchaseOrderFinder.referenced(orders, in: "730\n118").isEmpty)
        #expect(PurchaseOrderFinder.referenced(orders, in: "tel 730  118").isEmpty)
    }

    @Test("with no PO printed, the one PO whose total is the invoice's is taken; two that fit are left to a person")
    func matchedByTotal() {
        var fields = InvoiceFields()
        fields.total = Money("250.00")
        let one = PurchaseOrderFinder.matching([Self.po("1", total: "250.00"), Self.po("2", total: "300.00")], fields)
        #expect(one == .matched(Self.po("1", total: "250.00"), how: "its total 250.00 is the invoice's"))
        #expect(PurchaseOrderFinder.matching([Self.po("1", total: "250.00"), Self.po("2", total: "250.00")], fields) == nil)
    }
}
