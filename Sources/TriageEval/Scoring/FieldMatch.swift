import Foundation
import TriageCore

/// The contract's normalised comparisons of one labelled field with a predicted one.
public enum FieldMatch {
    /// Names within this share of edit distance (of the longer normalised name) still count as right: OCR noise.
    public static let nameTolerance = 0.10

    /// Scores `predicted` against `expected` for the field `key` of `task`; null only matches null.
    public static func verdict(_ key: String, task: AITask, expected: JSONValue, predicted: JSONValue?) -> FieldVerdict {
        let predicted = predicted ?? .null
        guard let want = expected.text, let got = predicted.text else {
            let right = expected.isNull && predicted.isNull
            return FieldVerdict(right: right, strict: key == "supplier" ? right : nil)
        }
        switch (task, key) {
        case (.invoice, "supplier"):
            let a = TextKeys.nameKey(want, ampersand: .dropped)
            let b = TextKeys.nameKey(got, ampersand: .dropped)
            return FieldVerdict(right: a == b || withinTolerance(a, b), strict: a == b)
        case (.invoice, "total"): return FieldVerdict(right: sameMoney(want, got))
        case (.invoice, "invoice_date"): return FieldVerdict(right: sameDay(want, got))
        case (.invoice, "invoice_number"), (.invoice, "po_number"), (.warranty, "order_number"):
            let key = TextKeys.idKey(want)
            return FieldVerdict(right: key == TextKeys.idKey(got) && !key.isEmpty)
        case (.invoice, "currency"): return FieldVerdict(right: want.uppercased() == got.uppercased())
        default: return FieldVerdict(right: trimmed(want) == trimmed(got))
        }
    }

    /// Equal to the cent; both must read as money. A currency written beside the amount ("RM 8.60", "$8.20",
    /// "1.234,50 €", "EUR 12.00") is not part of it: labels of real documents keep it as printed.
    public static func sameMoney(_ a: String, _ b: String) -> Bool {
        guard let x = money(a), let y = money(b) else { return false }
        return x == y
    }

    /// The amount of `text` without a currency code or symbol before or after it.
    static func money(_ text: String) -> Money? {
        let currency = CharacterSet.letters.union(.whitespaces).union(CharacterSet(charactersIn: "$€£¥₹"))
        return Money(text) ?? Money(text.trimmingCharacters(in: currency))
    }

    /// The same calendar day (UTC); both must read as ISO dates.
    public static func sameDay(_ a: String, _ b: String) -> Bool {
        guard let x = ISODate.parse(a), let y = ISODate.parse(b) else { return false }
        return ISODate.formatDay(x) == ISODate.formatDay(y)
    }

    /// True when the edit distance is at most 10 % of the longer key's length.
    static func withinTolerance(_ a: String, _ b: String) -> Bool {
        let longest = max(a.count, b.count)
        guard longest > 0 else { return true }
        return Double(EditDistance.between(a, b)) <= nameTolerance * Double(longest)
    }

    private static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
}
