import Foundation
import Testing
import TriageCore
import TriageDemo

@Suite struct UnstructuredTruthTests {
    let dataset = Shared.dataset

    @Test func invoicesCarryTheContractsTruthFields() {
        let invoices = Shared.exceptions(.supplierInvoice)
        let supplierNames = Set(dataset.suppliers.map(\.name))
        let poNumbers = Set(dataset.purchaseOrders.map(\.poNumber))
        var actions: Set<String> = []
        for invoice in invoices {
            let truth = Shared.truth(invoice) ?? [:]
            for key in ["supplier", "invoice_number", "invoice_date", "total", "currency", "po_number", "action"] {
                #expect(truth[key] != nil, "\(invoice.eventID) lacks \(key)")
            }
            actions.insert(truth["action"]?.text ?? "")
            #expect(supplierNames.contains(truth["supplier"]?.text ?? ""))
            #expect(invoice.text?.contains(truth["invoice_number"]?.text ?? "?") == true)
            if let po = truth["po_number"]?.text {
                #expect(poNumbers.contains(po) && invoice.text?.contains(po) == true)
            }
            #expect(invoice.payload["sender"]?.text?.contains("@") == true)
        }
        #expect(actions == ["approve", "hold_price", "hold_quantity", "duplicate", "no_po"])
    }

    @Test func onlyDuplicatesReuseAnInvoiceNumberAlreadySeen() {
        let seen = Set(dataset.invoices.map { "\($0.supplier)|\($0.invoiceNumber)" })
        var numbers: [String] = []
        for invoice in Shared.exceptions(.supplierInvoice) {
            let truth = Shared.truth(invoice) ?? [:]
            let key = "\(truth["supplier"]?.text ?? "")|\(truth["invoice_number"]?.text ?? "")"
            #expect(seen.contains(key) == (truth["action"] == "duplicate"), "\(key)")
            if truth["action"] == "no_po" { #expect(truth["po_number"] == .null) }
            if truth["action"] != "duplicate" { numbers.append(key) }
        }
        #expect(Set(numbers).count == numbers.count)
    }

    @Test func invoicesComeInAtLeastFourLayouts() {
        let texts = Shared.exceptions(.supplierInvoice).compactMap(\.text)
        #expect(texts.contains { $0.contains("Invoice #:") })
        #expect(texts.contains { $0.contains("Invoice No:") })
        #expect(texts.contains { $0.contains("MwSt.") || $0.contains("TVA") })
        #expect(texts.contains { $0.hasPrefix("From: ") })
        #expect(texts.contains { $0.contains("Amount payable:") })
    }

    @Test func warrantyEmailsCarryTheContractsTruthFields() {
        let orders = Set(dataset.orders.map(\.orderNumber))
        var actions: Set<String> = []
        for claim in Shared.exceptions(.warrantyClaim) {
            let truth = Shared.truth(claim) ?? [:]
            actions.insert(truth["action"]?.text ?? "")
            #expect(truth["order_number"] != nil && truth["order_ref"] != nil)
            if let number = truth["order_number"]?.text { #expect(orders.contains(number)) }
            if let ref = truth["order_ref"]?.text {
                #expect(claim.text?.contains(ref) == true)
                #expect(truth["order_number"]?.text == ref.filter(\.isNumber))
            }
            #expect(claim.source == "mail" && claim.payload["subject"] != nil && claim.payload["from"] != nil)
        }
        #expect(actions == ["replace", "repair", "refund", "deny", "need_info"])
    }

    @Test func someTextsTryPromptInjectionAndTheTruthIgnoresIt() {
        for kind in [ExceptionKind.supplierInvoice, .warrantyClaim] {
            let injected = Shared.exceptions(kind).filter { Shared.truth($0)?["injection"] == true }
            #expect(!injected.isEmpty, "\(kind)")
            let share = Double(injected.count) / Double(Shared.exceptions(kind).count)
            #expect(share < 0.05)
            for exception in injected {
                let text = exception.text ?? ""
                #expect(
                    ["Ignore previous", "SYSTEM", "AI ", "assistant", "automated systems"].contains {
                        text.contains($0)
                    })
            }
        }
        let warranty = Shared.exceptions(.warrantyClaim).filter { Shared.truth($0)?["injection"] == true }
        #expect(warranty.allSatisfy { Shared.truth($0)?["action"] != "refund" })
        let invoices = Shared.exceptions(.supplierInvoice).filter { Shared.truth($0)?["injection"] == true }
        #expect(invoices.allSatisfy { Shared.truth($0)?["action"] != "approve" })
    }
}
