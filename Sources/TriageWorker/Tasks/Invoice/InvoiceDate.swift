import Foundation
import TriageCore

/// Picks the document's own date among the dates in its text: a date on a line labelled as a date ("Date:",
/// "Rechnungsdatum", "Fecha", "Dated", "Data wystawienia") first, then the first date of the document; dates on
/// lines about printing, expiry, validity, a due date, a delivery, a sale or a deposit are used only when there is no
/// other.
enum InvoiceDate {
    private static let dateLabel = try! NSRegularExpression(
        pattern: #"(?<![\p{L}])(\p{L}*datum|\p{L}*dato|date|dated|daterad|fecha|data|tarikh|bizdate|päiväys|päivämäärä|tarih|emiss[aã]o|issued|dt\.|日期|発行日|請求日|日付|vystaven\w*|ημερομηνία|kelte|dátum|발행일|작성일자|"#
            + #"일자|วันที่|kuupäev|дата)(?![\p{L}])"#,
        options: [.caseInsensitive])
    private static let otherDate = try! NSRegularExpression(
        pattern: #"(?<![\p{L}])(print\w*|expir\w*|exp|valid\w*|due|until|before|warranty|closed|delivery|ship\w*|birth\w*|"#
            + #"f[äa]llig\w*|vencimiento|vencimento|scadenza|termin\w*|f[öo]rfall\w*|forfald\w*|liefer\w*|livraison|"#
            + #"consegna|entrega|dostaw\w*|sprzeda\w*|leverans\w*|levering\w*|anticipo|deposit|received|ddt|albar[aá]n|g[üu]ltig|"#
            + #"valable|v[aá]lido|ważn\w*|splatnost\w*|er[äa]p[äa]iv[äa]|forfall\w*|verval\w*|[ée]ch[ée]ance|vade|"#
            + #"duzp|期限|支払期日|λήξη|scaden\p{L}*|határidő|teljesítés|납기|만기|ครบกำหนด|tähtaeg|dospijeće|срок)(?![\p{L}])"#,
        options: [.caseInsensitive])

    private static let partBreak = ConstantPattern.compile(#"\s*\|\s*|\s{3,}|;\s*"#)

    /// The document date of `text` (mail headers already removed), read against the received date.
    static func date(_ text: String, received: Date) -> Date? {
        let order = DocumentStyle.dateOrder(of: text)
        var best: (rank: Int, date: Date)?
        // A line may print several labelled dates ("Rechnungsdatum 18.03.2026 | Lieferdatum 16.03.2026"): each part
        // between bars or wide gaps is ranked by its own label.
        let parts = text.split(separator: "\n").flatMap { line in
            let line = String(line)
            return partBreak.stringByReplacingMatches(in: line, range: NSRange(line.startIndex..., in: line), withTemplate: "\n")
                .split(separator: "\n").map(String.init)
        }
        for line in parts {
            guard let found = DateFinder.dates(in: line, near: received, order: order).first else { continue }
            let rank = Self.rank(line)
            if rank > (best?.rank ?? -1) { best = (rank, found.date) }
        }
        return best?.date
    }

    /// 2 for a labelled date, 1 for an unlabelled one, 0 for a printed, expiry or due date.
    static func rank(_ line: String) -> Int {
        if matches(otherDate, line) { return 0 }
        return matches(dateLabel, line) ? 2 : 1
    }

    private static func matches(_ regex: NSRegularExpression, _ line: String) -> Bool {
        regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
    }
}

/// Conventions a document reveals about itself.
enum DocumentStyle {
    private static let dollar = try! NSRegularExpression(pattern: #"(?<![A-Za-z])\$|\bUSD\b"#)
    private static let otherCurrency = try! NSRegularExpression(
        pattern: #"[€£¥]|\b(EUR|GBP|MYR|RM|SGD|AUD|NZD|CAD|HKD|INR|CHF|SEK|NOK|DKK|JPY|CNY)\b"#)

    /// Month first only for a US-style document (dollars and no other currency); day first everywhere else.
    static func dateOrder(of text: String) -> DateOrder {
        let range = NSRange(text.startIndex..., in: text)
        let dollars = dollar.firstMatch(in: text, range: range) != nil
        let other = otherCurrency.firstMatch(in: text, range: range) != nil
        return dollars && !other ? .monthFirst : .dayFirst
    }
}
