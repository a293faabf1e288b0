import Foundation

/// The buyer's order reference as a supplier labels it, in the languages suppliers write ("Ihre Bestellung
/// 4700002395", "Vs. ordine 287/2026", "Zamówienie nr ZAM/2026/02/0093", "Order Ref: 20417", "Su pedido nº
/// PC-26/00412"). Read as printed: a reference not on file is still what the card reports, with `no_po`.
enum PurchaseOrderLabel {
    static let labels =
        #"(?:purchase order|p\.?\s?o\.?|p/o|your po|customer po|buyer'?s order|order ref(?:erence)?|your order|"#
        + #"customer order|order|ihre bestellung|bestellung|bestellnummer|best\.?-?nr|vs\.? ordine|ordine(?: di)? acquisto|"#
        + #"ordine|zamówienie(?: klienta)?|zamówienia(?: nabywcy)?|su pedido|pedido(?: de compra)?|er beställning|"#
        + #"beställning|er ordre|rekv\.?\s?nr|rekvisition|bestillingsnr|vores ordre|id documento|votre commande|"#
        + #"bon de commande|commande|uw bestelling|bestelnummer|inkoopordernummer|innkj[øo]psordre|deres ordre|"#
        + #"tilausnumero|tilaus|objedn[aá]vk[ay]|sipari[şs]|encomenda|παραγγελία|παραγγελίας|comanda|comandă|"#
        + #"rendelés|megrendelés|rendelésszám|발주번호|주문번호|발주서|ใบสั่งซื้อ|tellimus|tellimuse|narudžba|"#
        + #"narudžbenica|заказ|pesanan|đơn hàng|注文番号|発注番号|ご注文番号|订单号|采购订单号)"#

    private static let pattern = ConstantPattern.compile(
        #"(?<![\w])"# + labels
            + #"(?:[^\S\n]*(?:#|no\.?|nr\.?|n[°º]\.?|n\.|number|nummer|numero|número|:))*[^\S\n]*[:.]?[^\S\n]*"#
            + #"((?=[A-Z0-9/\-.]*\d)[A-Z0-9][A-Z0-9/\-.]*[A-Z0-9])"#,
        options: [.caseInsensitive])

    /// Every labelled reference, in the order printed.
    static func references(in text: String) -> [String] {
        pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }.filter { $0.filter(\.isNumber).count >= 3 }
    }

    /// The digit groups of a reference without leading zeros, sorted: "287/2026" and "2026/OA/00287" both read
    /// ["2026", "287"], as a clerk matches a reference written in another form.
    static func digitGroups(_ reference: String) -> [String] {
        reference.split { !$0.isNumber }.map { group in
            let trimmed = group.drop { $0 == "0" }
            return trimmed.isEmpty ? "0" : String(trimmed)
        }.sorted()
    }
}
