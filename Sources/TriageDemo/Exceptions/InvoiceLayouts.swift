import Foundation
import TriageCore

/// The ways supplier invoices arrive in the AP inbox.
enum InvoiceLayout: Sendable, Hashable, CaseIterable {
    /// A letterhead block and a SKU table.
    case table
    /// "Invoice No:" / "Your PO:" lines and one line per item.
    case invoiceNo
    /// European: comma decimals, VAT, bilingual labels.
    case european
    /// Pasted from an email, with mail headers.
    case email
    /// Three or four terse lines.
    case terse
}

/// What to print: the invoice and how the supplier names itself.
struct InvoicePrint {
    let draft: InvoiceDraft
    let profile: SupplierProfile
    /// The supplier's name or one of its aliases.
    let shownName: String
    let sender: String
    let sentAt: Date
    /// "COPY" or a reminder line on re-sent invoices.
    let marker: String?
    let injection: String?
}

/// Renders invoices as text.
enum InvoiceLayouts {
    static let billTo = "Bill to: Brightside Retail Inc., Accounts Payable, 1 Commerce Way, Austin, TX 78701"

    static func render(_ print: InvoicePrint, layout: InvoiceLayout) -> String {
        var text: String
        switch layout {
        case .table: text = table(print)
        case .invoiceNo: text = invoiceNo(print)
        case .european: text = EuropeanInvoice.render(print)
        case .email: text = email(print)
        case .terse: text = terse(print)
        }
        if let injection = print.injection { text += "\n\n" + injection }
        return text
    }

    private static func table(_ print: InvoicePrint) -> String {
        let draft = print.draft
        var lines = [
            print.shownName.uppercased(), print.profile.address, "accounts@\(print.profile.domain)", "",
            "INVOICE" + (print.marker.map { " - \($0)" } ?? ""), "",
            "Invoice #:     \(draft.number)", "Invoice date:  \(DemoCalendar.iso(draft.date))",
        ]
        if let po = draft.poNumber { lines.append("PO number:     \(po)") }
        lines += [billTo, "", row("SKU", "Description", "Qty", "Unit price", "Amount")]
        for line in draft.lines {
            lines.append(
                row(
                    line.sku, line.description, String(line.qty), MoneyText.grouped(line.unitPrice),
                    MoneyText.grouped(line.unitPrice * line.qty)))
        }
        let rate = "\(draft.taxBasisPoints / 100)%"
        lines += [
            "", total("Subtotal", draft.subtotal), total("Tax (\(rate))", draft.tax),
            total("TOTAL \(draft.currency)", draft.total), "", "Terms: Net 30. Please quote the invoice number.",
        ]
        return lines.joined(separator: "\n")
    }

    private static func invoiceNo(_ print: InvoicePrint) -> String {
        let draft = print.draft
        var lines = [
            print.shownName.uppercased(), "Invoice No: \(draft.number)" + (print.marker.map { " (\($0))" } ?? ""),
            "Date: \(DemoCalendar.short(draft.date))",
        ]
        if let po = draft.poNumber { lines.append("Your PO: \(po)") }
        lines.append("")
        for line in draft.lines {
            lines.append(
                "\(line.description)  \(line.qty) x \(MoneyText.grouped(line.unitPrice))  "
                    + MoneyText.grouped(line.unitPrice * line.qty))
        }
        lines.append("")
        if draft.tax.cents > 0 {
            lines += [
                "Subtotal \(MoneyText.grouped(draft.subtotal))",
                "VAT \(draft.taxBasisPoints / 100)% \(MoneyText.grouped(draft.tax))",
            ]
        }
        lines += ["TOTAL DUE (\(draft.currency)) \(MoneyText.grouped(draft.total))", "Payment terms: 30 days"]
        return lines.joined(separator: "\n")
    }

    private static func email(_ print: InvoicePrint) -> String {
        let draft = print.draft
        let reference = draft.poNumber.map { " for \($0)" } ?? ""
        var lines = [
            "From: \(print.sender)", "Sent: \(DemoCalendar.mailHeader(print.sentAt))",
            "To: ap@brightside-retail.example",
            "Subject: \(print.marker.map { "\($0): " } ?? "")Invoice \(draft.number)\(reference)", "",
            "Hi team,", "",
            "Please find our invoice \(draft.number) dated \(DemoCalendar.american(draft.date))"
                + (draft.poNumber.map { " for your \($0)." } ?? "."),
        ]
        for line in draft.lines {
            lines.append("\(line.qty)x \(line.description) @ \(MoneyText.grouped(line.unitPrice))")
        }
        if draft.tax.cents > 0 { lines.append("Tax: \(MoneyText.grouped(draft.tax))") }
        lines += [
            "Total: \(MoneyText.symbol(draft.currency))\(MoneyText.grouped(draft.total)) \(draft.currency)", "",
            "Thanks,", "Accounts Receivable", print.shownName,
        ]
        return lines.joined(separator: "\n")
    }

    private static func terse(_ print: InvoicePrint) -> String {
        let draft = print.draft
        var lines = [
            print.shownName,
            "INVOICE \(draft.number) | \(DemoCalendar.iso(draft.date))"
                + (draft.poNumber.map { " | ref \($0)" } ?? "") + (print.marker.map { " | \($0)" } ?? ""),
        ]
        for line in draft.lines {
            lines.append(
                "\(line.description) .......... \(line.qty) @ \(line.unitPrice) = \(line.unitPrice * line.qty)")
        }
        if draft.tax.cents > 0 { lines.append("Tax \(draft.taxBasisPoints / 100)%: \(draft.tax)") }
        lines.append("Amount payable: \(draft.currency) \(draft.total)")
        return lines.joined(separator: "\n")
    }

    private static func row(_ sku: String, _ description: String, _ qty: String, _ unit: String, _ amount: String)
        -> String
    {
        pad(sku, 10) + pad(String(description.prefix(42)), 44) + left(qty, 5) + left(unit, 13) + left(amount, 13)
    }

    private static func total(_ label: String, _ money: Money) -> String {
        String(repeating: " ", count: 50) + pad(label, 16) + left(MoneyText.grouped(money), 13)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    static func left(_ text: String, _ width: Int) -> String {
        text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
    }
}
