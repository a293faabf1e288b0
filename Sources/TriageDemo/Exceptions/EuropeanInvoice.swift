import TriageCore

/// European invoices: comma decimals, VAT, German or French labels beside the English ones.
enum EuropeanInvoice {
    private struct Labels {
        let invoice, date, order, item, quantity, unit, amount, net, vat, total, terms: String
    }

    private static let german = Labels(
        invoice: "Rechnung / Invoice Nr.", date: "Datum / Date:", order: "Ihre Bestellung / Your order:",
        item: "Artikel / Item", quantity: "Menge", unit: "Einzelpreis", amount: "Betrag",
        net: "Nettobetrag / Net amount:", vat: "MwSt. / VAT", total: "Gesamtbetrag / Total:",
        terms: "Zahlbar innerhalb 30 Tagen ohne Abzug.")

    private static let french = Labels(
        invoice: "Facture / Invoice N°", date: "Date :", order: "Bon de commande / PO :", item: "Désignation",
        quantity: "Qté", unit: "P.U. HT", amount: "Montant HT", net: "Total HT :", vat: "TVA", total: "Total TTC :",
        terms: "Paiement à 30 jours. Pas d'escompte pour paiement anticipé.")

    static func render(_ print: InvoicePrint) -> String {
        let draft = print.draft
        let labels = print.profile.supplier.name.contains("SARL") ? french : german
        let currency = " \(draft.currency)"
        var lines = [
            print.shownName, print.profile.address, "VAT ID: \(vatID(print.profile))", "",
            "\(labels.invoice) \(draft.number)" + (print.marker.map { " - \($0)" } ?? ""),
            "\(labels.date) \(DemoCalendar.dotted(draft.date))",
        ]
        if let po = draft.poNumber { lines.append("\(labels.order) \(po)") }
        lines += [
            "",
            InvoiceLayouts.pad("Pos", 5) + InvoiceLayouts.pad(labels.item, 44)
                + InvoiceLayouts.left(labels.quantity, 6) + InvoiceLayouts.left(labels.unit, 16)
                + InvoiceLayouts.left(labels.amount, 16),
        ]
        for (index, line) in draft.lines.enumerated() {
            lines.append(
                InvoiceLayouts.pad(String(index + 1), 5) + InvoiceLayouts.pad(String(line.description.prefix(42)), 44)
                    + InvoiceLayouts.left(String(line.qty), 6)
                    + InvoiceLayouts.left(MoneyText.european(line.unitPrice) + currency, 16)
                    + InvoiceLayouts.left(MoneyText.european(line.unitPrice * line.qty) + currency, 16))
        }
        lines += [
            "", "\(labels.net) \(MoneyText.european(draft.subtotal))\(currency)",
            "\(labels.vat) \(draft.taxBasisPoints / 100) %: \(MoneyText.european(draft.tax))\(currency)",
            "\(labels.total) \(MoneyText.european(draft.total))\(currency)", "",
            "IBAN \(iban(print.profile)) · \(labels.terms)",
        ]
        return lines.joined(separator: "\n")
    }

    private static func iban(_ profile: SupplierProfile) -> String {
        if profile.supplier.name.contains("SARL") { return "FR76 3000 6000 0112 3456 7890 189" }
        if profile.supplier.name.hasSuffix("AB") { return "SE45 5000 0000 0583 9825 7466" }
        return "DE89 3704 0044 0532 0130 00"
    }

    private static func vatID(_ profile: SupplierProfile) -> String {
        let country =
            profile.supplier.name.contains("SARL") ? "FR" : profile.supplier.name.hasSuffix("AB") ? "SE" : "DE"
        let digits = profile.supplier.supplierID.filter(\.isNumber)
        return "\(country)81\(digits)4471\(digits)"
    }
}
