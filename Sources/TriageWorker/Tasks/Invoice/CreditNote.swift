import Foundation

/// Whether a document is a credit note: its title names one and numbers it ("GUTSCHRIFT Nr. GS-2026-0011",
/// "TD04 nota di credito  3/NC", "FAKTURA KORYGUJĄCA nr FK 3/03/2026"). A credit note's amount is owed to the
/// buyer, so its total is booked negative. A mention in passing ("we will send a credit note for …") is not a title.
enum CreditNote {
    static let titles =
        #"(?:gutschrift|credit note|credit memo|nota di credito|nota de cr[eé]dito|note de cr[eé]dit|avoir|"#
        + #"creditnota|kreditnota|faktura korygująca|korrekturrechnung|storno|hyvityslasku|dobropis|iade faturası|"#
        + #"factura rectificativa|nota di accredito|πιστωτικό τιμολόγιο|πιστωτικό|factură de stornare|jóváíró számla|"#
        + #"helyesbítő számla|수정세금계산서|ใบลดหนี้|kreeditarve|kreditinė sąskaita|kredītrēķins|кредит-нота|"#
        + #"クレジットノート|返品伝票)"#

    private static let titled = ConstantPattern.compile(
        #"\b"# + titles + #"\b[^\S\n]*(?:(?:nr|no|n[°º]|#|number|nummer|numero|número)\.?[^\S\n]*:?[^\S\n]*)?(?=[A-Z0-9/\-]*\d)"#,
        options: [.caseInsensitive])

    /// True when a credit-note title numbers the document.
    static func says(_ text: String) -> Bool {
        titled.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
