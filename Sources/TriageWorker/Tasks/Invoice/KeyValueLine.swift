import Foundation
import TriageCore

/// The one billed line of an invoice laid out as "label: value" lines ("Quantity: 300", "Unit price: SGD 15.60",
/// "Unidades: 650", "Precio unitario: 3,15 EUR"), labelled in the suppliers' languages. Read only when no row of
/// the invoice reads as a line, and only when one quantity and one unit price are labelled.
enum KeyValueLine {
    static let quantityLabels =
        #"(?:quantity|qty|units|unidades|cantidad|menge|anzahl|ilość|ilosc|antal|quantità|quantita|quantidade|"#
        + #"aantal|antall|määrä|maara|počet|pocet|množství|mnozstvi|miktar|adet|mengde|quantité|quantite|数量|"#
        + #"ποσότητα|cantitate|mennyiség|수량|จำนวน|kogus|količina|количество)"#
    static let priceLabels =
        #"(?:unit price|price per unit|price/unit|precio unitario|precio unidad|einzelpreis|stückpreis|"#
        + #"cena jednostkowa|cena netto|prezzo unitario|preço unitário|preco unitario|enhetspris|styckpris|stykpris|"#
        + #"prix unitaire|eenheidsprijs|stukprijs|yksikköhinta|jednotková cena|cena za jednotku|birim fiyat|単価|τιμή μονάδας|preț unitar|egységár|단가|"#
        + #"ราคาต่อหน่วย|ühiku hind|jedinična cijena|цена)"#
    static let descriptionLabels =
        #"(?:description|item|article|artikel|concepto|descripción|descripcion|bezeichnung|beschreibung|nazwa|"#
        + #"descrizione|descrição|descricao|benämning|omschrijving|désignation|designation|品名)"#

    /// The line, when exactly one quantity and one unit price are labelled.
    static func line(in text: String) -> InvoiceLine? {
        let quantities = values(after: quantity, in: text).compactMap { value -> Int? in
            guard let number = RowNumber.all(in: value).first, number.isWhole else { return nil }
            return Int(number.value)
        }
        let prices = values(after: price, in: text).compactMap { RowNumber.all(in: $0).first?.money }
        guard quantities.count == 1, prices.count == 1, let qty = quantities.first, let price = prices.first, price > .zero
        else { return nil }
        let description = values(after: Self.description, in: text).first ?? ""
        return InvoiceLine(sku: nil, description: description, qty: qty, unitPrice: price, amount: nil)
    }

    private static let quantity = labelled(quantityLabels)
    private static let price = labelled(priceLabels)
    private static let description = labelled(descriptionLabels)

    /// A line that opens with `label` (and up to 20 more characters) then a colon; the value is what follows.
    private static func labelled(_ label: String) -> NSRegularExpression {
        ConstantPattern.compile(#"(?m)^[^\S\n]*"# + label + #"\b[^:\n]{0,20}:[^\S\n]*([^\n]+)$"#, options: [.caseInsensitive])
    }

    /// What follows the label on each line the pattern matches.
    private static func values(after pattern: NSRegularExpression, in text: String) -> [String] {
        pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]).trimmingCharacters(in: .whitespaces) }
        }
    }
}
