import Foundation
import TriageCore

/// Finds the order reference in a customer's message: a number that a word for an order introduces ("order
/// 1001", "purchase 3707955617", "my order no. A-2231", "purchaes 00123842" with its typo), or a bare "#1001". A
/// number that another document's word introduces ("invoice #12588", "bill #00108", "ticket 4411", "tracking
/// 1Z99…") is not an order reference, and neither is a quantity ("order 300 units").
enum OrderReference {
    /// The reference as the contract labels it: "#1001" when written with a hash, else the bare id; nil when the
    /// text has none.
    static func find(in text: String) -> String? {
        let range = NSRange(text.startIndex..., in: text)
        for match in candidate.matches(in: text, range: range) {
            guard let idRange = Range(match.range(at: 2), in: text), let whole = Range(match.range, in: text) else {
                continue
            }
            let hashed = text[whole].hasPrefix("#")
            let id = String(text[idRange])
            if let glued = Range(match.range(at: 1), in: text).map({ String(text[$0]) }), !hashed {
                if isOrderWord(TextWords.fold(glued)) { return id }
                continue
            }
            let before = TextWords.words(String(text[..<whole.lowerBound])).suffix(4)
            if isQuantity(after: text[whole.upperBound...]) { continue }
            // "my previous order 1001", "an earlier order (1001)": another order than the claim's.
            if isEarlier(Array(before.reversed())) { continue }
            switch introducer(before.reversed()) {
            case .order: return hashed ? "#" + id : id
            case .otherDocument: continue
            case .none: if hashed { return "#" + id }
            }
        }
        return nil
    }

    /// Every token shaped like an order number ("ID-2016-39903", "in-2015-34478", "#1001", "A-2231"), upper-cased,
    /// in order, except those another document's word introduces ("invoice #12588") and those the writer says are
    /// not this claim's ("my previous order 1001"). Looked up in the shop's orders, one that exists is the order
    /// even with no word for an order before it: a clerk checks a number against the orders, not its wording.
    static func tokens(in text: String) -> [String] {
        let range = NSRange(text.startIndex..., in: text)
        var found: [String] = []
        for match in candidate.matches(in: text, range: range) {
            guard match.range(at: 1).location == NSNotFound, let idRange = Range(match.range(at: 2), in: text),
                let whole = Range(match.range, in: text)
            else { continue }
            let before = Array(TextWords.words(String(text[..<whole.lowerBound])).suffix(4).reversed())
            // The lookup decides what is an order; only another document's own number, or an earlier order, is not.
            if isEarlier(before) || before.first.map(numberedDocuments.contains) == true {
                continue
            }
            let id = String(text[idRange]).uppercased().trimmingCharacters(in: CharacterSet(charactersIn: "-"))
            if !found.contains(id) { found.append(id) }
        }
        return found
    }

    /// Documents with numbers of their own that a message may quote beside the order's.
    private static let numberedDocuments: Set<String> = ["invoice", "bill", "receipt", "tracking", "ticket", "case", "rma", "awb"]

    /// True when the words before a number (nearest first) call it an earlier order: "previous order", "my last
    /// purchase"; "bought last month (#1001)" is not.
    private static func isEarlier(_ wordsBackwards: [String]) -> Bool {
        let words = wordsBackwards.filter { !fillers.contains($0) || earlierWords.contains($0) }
        guard words.count >= 2 else { return false }
        return isOrderWord(words[0]) && earlierWords.contains(words[1])
    }

    /// Words that make an order another one than the claim's: "my previous order", "an earlier purchase".
    private static let earlierWords: Set<String> = [
        "previous", "earlier", "last", "other", "another", "old", "older", "prior", "former", "sebelumnya", "anterior",
        "vorherige", "précédente", "precedente", "dati", "nakaraan",
    ]

    private enum Introducer { case order, otherDocument }

    /// The nearest noun before the number, skipping "number", "no", "the", "my", "is" and the like.
    private static func introducer(_ wordsBackwards: [String]) -> Introducer? {
        for word in wordsBackwards {
            if fillers.contains(word) { continue }
            if isOrderWord(word) { return .order }
            if otherDocuments.contains(word) || otherDocuments.contains(where: { $0.count >= 5 && EditDistance.between($0, word) <= 1 }) {
                return .otherDocument
            }
            return nil
        }
        return nil
    }

    /// "order", "purchase" and their plurals, with one slip of the keyboard ("oder", "purchaes", "purchqse").
    static func isOrderWord(_ word: String) -> Bool {
        orderWords.contains(word) || orderWords.contains { $0.count >= 5 && EditDistance.between($0, word) <= 1 }
            || (word.count >= 7 && EditDistance.between("purchase", word) <= 2)
    }

    private static func isQuantity(after rest: Substring) -> Bool {
        let next = TextWords.words(String(rest.prefix(24))).first ?? ""
        return quantityUnits.contains(next)
    }

    private static let orderWords: Set<String> = ["order", "orders", "purchase", "purchases", "ord"]
    private static let fillers: Set<String> = [
        "number", "no", "nr", "num", "nbr", "id", "ref", "reference", "the", "my", "our", "your", "with", "is", "was",
        "for", "of", "on", "about", "regarding", "re", "code",
    ]
    private static let otherDocuments: Set<String> = [
        "invoice", "invoices", "bill", "bills", "receipt", "receipts", "ticket", "case", "account", "tracking",
        "shipment", "parcel", "package", "phone", "mobile", "card", "iban", "zip", "postcode", "sku", "item",
        "model", "serial", "part", "article", "product", "refund", "return", "rma", "claim", "customer", "member",
        "loyalty", "voucher", "coupon", "gift", "transaction", "payment", "quote", "estimate", "flight", "room",
    ]
    private static let quantityUnits: Set<String> = ["units", "unit", "pcs", "pieces", "items", "boxes", "packs"]

    /// A hash or an id of at least three digits, optionally with a short letter prefix ("A-2231", "ORD-77120"); or
    /// a long number glued to the word before it ("order732201349959"), group 1 holding that word.
    private static let candidate = try! NSRegularExpression(  // constant pattern; OrderReferenceTests runs it
        pattern: #"(?:\b([a-z]{3,})(?=\d{6,})|#\s?|(?<![\w-]))([A-Z]{0,3}-?\d{3,}[\w-]*)"#, options: [.caseInsensitive])
}
