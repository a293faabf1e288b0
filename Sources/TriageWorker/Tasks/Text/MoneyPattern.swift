import Foundation

/// How people write amounts the world over, in one place for every reader of money (invoice totals and lines,
/// refunds in return requests): digit groups with one kind of separator throughout and the other as the decimal
/// mark, and the currency signs and codes written beside them.
enum MoneyPattern {
    /// Thousands in groups of three with one separator used throughout — "1,234.56", "1.234,56", "1 234,56" (space,
    /// no-break or thin space), "1'234.56", "1’234.56" — or Indian lakh groups ("5,04,000.00"); one or two decimals
    /// may follow. No capture groups, so it can be embedded anywhere.
    static let grouped =
        #"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?"#
        + #"|\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?"#
        + #"|\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?"#
        + #"|\d{1,3}(?:[ \x{00A0}\x{202F}\x{2009}]\d{3})+(?:[.,]\d{1,2})?"#
        + #"|\d{1,3}(?:['’]\d{3})+(?:\.\d{1,2})?"#

    /// Any number that reads as money: a grouped one, or plain digits with up to two decimals ("25", "4.1", "68,00").
    static let number = grouped + #"|\d+(?:[.,]\d{1,2})?"#

    /// The digits after the decimal mark a number ends with ("68,00" 2, "0,620" 3, "1,000" 3, "25" 0): a
    /// character check, as it runs for every number of a document.
    static func decimalPlaces<S: StringProtocol>(_ text: S) -> Int {
        let digits = text.reversed().prefix { $0.isASCII && $0.isNumber }.count
        guard digits > 0, digits < text.count else { return 0 }
        let mark = text[text.index(text.endIndex, offsetBy: -digits - 1)]
        return mark == "." || mark == "," ? digits : 0
    }

    /// The ISO codes of the currencies suppliers bill in.
    static let codes = [
        "USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "RON", "TRY", "JPY",
        "CNY", "KRW", "THB", "INR", "SGD", "MYR", "HKD", "ZAR", "BRL", "MXN", "COP", "CLP",
    ]

    /// A currency code printed as a word ("EUR", "PLN").
    static let code = ConstantPattern.compile(#"\b("# + codes.joined(separator: "|") + #")\b"#)

    /// Currency codes, signs and the short words printed beside amounts ("kr", "zł", "Rs.", "R$", "Fr.", the rand's
    /// "R" before a number).
    static let currency =
        "(?:RM|RMB|" + codes.joined(separator: "|") + #"|(?-i:Ft|lei)|₩|원|฿|₺|"#
        + #"US\$|S\$|R\$|Rs\.?|kr\.?|zł|Fr\.|(?-i:R)(?=\s?\d)|[$€£¥￥₹])"#
}
