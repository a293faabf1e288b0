import Foundation

/// What the label of an amount line says the amount is, from the words documents use in several languages
/// (English, Malay, German, French, Spanish, Italian, Dutch, Nordic). See docs/decisions.md, "The amount payable".
enum AmountLabel: Sendable, Equatable {
    /// The amount to pay: rounded, grand, final, due or payable totals.
    case payable
    /// A total that says it includes tax ("Total incl. GST", "Gross").
    case inclusive
    /// A total with no further qualification.
    case total
    /// A weak total word alone ("Amount", "Amt", "Sum").
    case amount
    /// A subtotal or a total before tax: the fallback when nothing else is labelled.
    case partial
    /// Tax.
    case tax
    /// Cash or card handed over.
    case tendered
    /// Change given back.
    case change
    /// A rounding adjustment.
    case adjustment
    /// Anything else: item counts, discounts, savings, or no total word at all.
    case other

    static let totalWords: Set<String> = [
        "total", "totals", "totaal", "totale", "totaux", "summe", "jumlah", "importe", "montant", "suma", "totalt",
        "yhteensa", "som", "razem", "ogolem", "alt", "totali", "totalbelopp", "totalbelob", "celkem", "toplam",
        "合計", "総合計", "合計金額", "総額", "συνολο", "osszesen", "kokku", "spolu", "ukupno", "skupaj", "kopa", "viso",
        "итого", "всего", "합계", "총액", "총합계", "รวม", "ยอดรวม", "合计", "總計", "tong",
    ]
    static let weakTotalWords: Set<String> = [
        "amount", "amt", "sum", "betrag", "bedrag", "importo", "valor", "kwota", "belopp", "belob", "wartosc", "belop",
        "castka", "tutar", "summa", "金額", "ποσο", "osszeg", "сумма", "금액", "จำนวนเงิน", "iznos", "znesek",
    ]
    /// Words that count goods: a total line may count them beside its money ("Total  800 pcs  ₹ 4,36,800.00").
    static let countWords: Set<String> = [
        "item", "items", "qty", "qnty", "quantity", "pcs", "pc", "pieces", "units", "nos", "ctns", "cartons", "sets",
        "stk", "szt", "st", "pz",
    ]
    /// Gross: the amount including tax.
    static let grossWords: Set<String> = ["brutto", "gross", "bruto", "lordo"]
    /// The document a total belongs to: "Totale documento", "Total factura", "Invoice total", "Valor total da nota".
    static let documentWords: Set<String> = [
        "invoice", "documento", "fattura", "factura", "fatura", "nota", "faktura", "fakturan", "rechnung", "facture",
        "factuur",
    ]
    static let payableWords: Set<String> = [
        "due", "payable", "grand", "final", "ttc", "balance", "zahlen", "zahlbetrag", "endbetrag", "payer", "pagar",
        "betalen", "pagare", "betala", "maksettava", "rounded", "after", "zaplaty", "betale", "fakturabelopp", "fakturabelob", "uhrade", "odenecek", "maksettavaa",
        "ご請求金額", "請求金額", "お支払金額", "支払金額", "税込合計", "税込金額", "πληρωτεο", "fizetendo", "tasuda",
        "platiti", "moketi", "apmaksai", "оплате", "сплати", "청구금액", "결제금액", "รวมทั้งสิ้น", "bayar", "plata",
        "chargeable", "zwrotu", "gutschriftsbetrag",
    ]
    static let inclusiveWords: Set<String> = [
        "incl", "including", "inclusive", "include", "includes", "included", "inkl", "inklusive", "gross", "brutto",
        "ttc", "iva", "compris", "bruto", "lordo", "ivato",
    ]
    static let exclusiveWords: Set<String> = [
        "excl", "excluding", "exclusive", "exc", "excluded", "ht", "hors", "pretax", "without", "ohne",
        "sans", "sin", "zonder", "senza", "before", "taxable", "imponibile", "imponible", "base", "exkl", "ekskl",
        "netto", "neto", "produtos", "veroton", "zaklad", "καθαρη", "공급가액", "bez", "без",
    ]
    static let subtotalWords: Set<String> = [
        "subtotal", "zwischensumme", "subtotaal", "subtotale", "sous", "sub", "mezisoucet", "valisumma", "delsum", "小計",
    ]
    static let taxWords: Set<String> = [
        "tax", "taxes", "vat", "gst", "hst", "pst", "qst", "sst", "mwst", "ust", "tva", "iva", "btw", "moms", "alv",
        "igv", "ppn", "umsatzsteuer", "mehrwertsteuer", "igst", "cgst", "sgst", "utgst", "icms", "ipi", "imposta", "dph", "kdv", "消費税", "税額", "φπα", "afa", "kaibemaks", "pdv", "ddv", "pvm", "pvn", "ндс", "пдв",
        "부가세", "세액", "부가가치세", "ภาษี", "ภาษีมูลค่าเพิ่ม", "gtgt", "增值税", "税额",
        "imposto", "impuesto", "podatek", "skat", "mva", "afgift", "irpf", "ritenuta", "retencion", "withholding",
    ]
    static let changeWords: Set<String> = [
        "change", "kembali", "kembalian", "baki", "ruckgeld", "wechselgeld", "rendu", "cambio", "vuelto", "resto",
        "wisselgeld", "vaxel",
    ]
    static let tenderWords: Set<String> = [
        "cash", "tunai", "paid", "payment", "pay", "tender", "tendered", "received", "bar", "bargeld", "especes",
        "efectivo", "contant", "kontant", "card", "visa", "mastercard", "master", "amex", "debit", "credit", "edc",
    ]
    static let roundingWords: Set<String> = ["rounding", "round", "rundung", "arrondi", "redondeo", "arrotondamento"]
    static let adjustmentWords: Set<String> = ["adj", "adjustment", "adjustments", "adjusment", "adjust"]
    static let otherWords: Set<String> = [
        "item", "items", "qty", "qnty", "quantity", "pcs", "pieces", "units", "count", "menge", "anzahl", "stk",
        "qte", "cantidad", "saving", "savings", "discount", "disc", "rabatt", "remise", "descuento", "sconto",
        "korting", "voucher", "coupon", "points", "earned", "deposit", "weight", "kg", "kgs", "cbm",
    ]

    /// Reads a label from its words (see ``AmountLine/words(_:)``).
    init(_ words: [String]) {
        let set = Set(words)
        let has = { (list: Set<String>) in !set.isDisjoint(with: list) }
        // "Brutto 16 900,20" alone at the foot of an invoice is its gross total.
        let totalish = words.contains(where: Self.isTotalWord) || has(Self.weakTotalWords) || has(Self.grossWords)
        if has(Self.changeWords) {
            self = .change
        } else if has(Self.otherWords) {
            self = .other
        } else if !Self.toPay(words), has(Self.subtotalWords) || words.contains(where: Self.isExclusiveWord) || Self.taxExclusiveNet(words) {
            self = totalish || has(Self.subtotalWords) ? .partial : .other
        } else if has(Self.taxWords), Self.taxWords.contains(words.first ?? "") || !has(Self.inclusiveWords) {
            self = .tax
        } else if has(Self.adjustmentWords) && !set.contains("after") || has(Self.roundingWords) && !totalish {
            self = .adjustment
        } else if has(Self.tenderWords) && !has(Self.payableWords) && !Self.toPay(words) && !has(Self.inclusiveWords) {
            self = .tendered
        } else if has(Self.payableWords) || Self.toPay(words) || has(Self.roundingWords) && words.contains(where: Self.isTotalWord)
            || words.contains(where: Self.isTotalWord) && has(Self.documentWords)
        {
            self = .payable
        } else if !totalish {
            self = .other
        } else {
            let inclusive = has(Self.inclusiveWords) || words.contains { $0.hasPrefix("brutto") }
            self = inclusive ? .inclusive : words.contains(where: Self.isTotalWord) ? .total : .amount
        }
    }

    /// A total word, German compounds included ("Gesamtsumme", "Rechnungsbetrag", "Endsumme").
    static func isTotalWord(_ word: String) -> Bool {
        totalWords.contains(word) || word.hasPrefix("gesamt") || word.hasPrefix("total") || word == "rechnungsbetrag"
            || word == "endbetrag" || word.hasSuffix("summe") && !subtotalWords.contains(word)
    }

    /// A word saying the amount is before tax, compounds included ("Nettobetrag", "Nettosumme").
    static func isExclusiveWord(_ word: String) -> Bool {
        exclusiveWords.contains(word) || word.hasPrefix("netto")
    }

    /// "to pay", "a pagar", "netto a pagare", "zu zahlen", "do zapłaty", "att betala": the amount still to be paid.
    static func toPay(_ words: [String]) -> Bool {
        zip(words, words.dropFirst()).contains {
            ["to", "a", "zu", "do", "att", "at"].contains($0.0)
                && ["pay", "pagar", "pagare", "zahlen", "payer", "zaplaty", "betala", "betale", "zwrotu"].contains($0.1)
        }
    }

    /// "Net value", "Total net", "Net sum": net before tax; "Net total", "Nett total", "Net payable": the amount
    /// to pay.
    static func taxExclusiveNet(_ words: [String]) -> Bool {
        guard let index = words.firstIndex(where: { $0 == "net" || $0 == "nett" }) else { return false }
        let next = words.dropFirst(index + 1).first ?? ""
        return !(totalWords.contains(next) || payableWords.contains(next) || next == "to" || next == "a")
    }

    /// How strongly the label names the amount payable; nil when it is not a total at all.
    var rank: Int? {
        switch self {
        case .payable: 5
        case .inclusive: 4
        case .total: 3
        case .amount: 2
        case .partial: 1
        default: nil
        }
    }
}
