import Foundation
import TriageCore

/// Goods the customer names, found by matching the text's words against catalogue product names.
struct GoodsMention: Sendable, Hashable {
    /// The folded words of the text that name the goods.
    let words: [String]
    /// Catalogue products these words fit equally well (a truncated name fits several).
    let skus: Set<String>
    /// The quantity written next to it ("5 x", "(qty 2)"), nil when none is.
    let qty: Int?

    /// The words as the card quotes them.
    var phrase: String { words.joined(separator: " ") }

    /// True when `line` is these goods: its SKU is one of the fits, or its name holds the words in a row.
    func names(_ line: OrderLine) -> Bool {
        if skus.contains(line.sku) { return true }
        let lineWords = TextWords.words(line.description)
        return GoodsFinder.run(of: words, in: lineWords).length == words.count
    }
}

/// Finds ``GoodsMention``s: a run of at least two words of a product's name in the text, from the start of the
/// name (customers cut names short: "Novimex Steel Folding"), or three from anywhere in it. Where runs overlap, the
/// longest wins, and products fitting the same words equally stay together as one mention.
enum GoodsFinder {
    /// The mentions in `text` among `catalogue`, in text order.
    static func mentions(in text: String, catalogue: [Product]) -> [GoodsMention] {
        let tokens = TextWords.tokens(text)
        let words = tokens.ranges.map { String(tokens.folded[$0]) }
        var fits: [(sku: String, start: Int, length: Int)] = []
        for product in catalogue {
            let name = TextWords.words(product.description)
            let best = bestRun(of: name, in: words)
            guard best.length >= 2, best.nameStart == 0 || best.length >= 3 else { continue }
            fits.append((product.sku, best.textStart, best.length))
        }
        var spans: [(range: Range<Int>, skus: Set<String>)] = []
        for fit in fits.sorted(by: { $0.length != $1.length ? $0.length > $1.length : $0.start < $1.start }) {
            let range = fit.start..<(fit.start + fit.length)
            if let index = spans.firstIndex(where: { $0.range == range }) {
                spans[index].skus.insert(fit.sku)
            } else if !spans.contains(where: { $0.range.overlaps(range) }) {
                spans.append((range, [fit.sku]))
            }
        }
        return spans.sorted { $0.range.lowerBound < $1.range.lowerBound }.map { span in
            GoodsMention(
                words: Array(words[span.range]), skus: span.skus,
                qty: Quantity.around(span.range, ranges: tokens.ranges, in: tokens.folded))
        }
    }

    /// The longest run of `name`'s words found in a row in `words`; on a tie, the one starting the name.
    static func bestRun(of name: [String], in words: [String]) -> (textStart: Int, nameStart: Int, length: Int) {
        var best = (textStart: 0, nameStart: 0, length: 0)
        guard !name.isEmpty, !words.isEmpty else { return best }
        for i in words.indices {
            for j in name.indices where words[i] == name[j] {
                var length = 0
                while i + length < words.count, j + length < name.count, words[i + length] == name[j + length] {
                    length += 1
                }
                if length > best.length || (length == best.length && j == 0 && best.nameStart != 0) {
                    best = (i, j, length)
                }
            }
        }
        return best
    }

    /// The longest run of `needle` in a row in `words` (the length only matters to callers).
    static func run(of needle: [String], in words: [String]) -> (start: Int, length: Int) {
        let best = bestRun(of: words, in: needle)
        return (best.nameStart, best.length)
    }
}

/// The quantity written next to goods: "5 x Chair", "5x Chair", "2 Chairs", "Chair (qty 2)", "Chair x 2",
/// "three Chairs".
enum Quantity {
    static func around(_ span: Range<Int>, ranges: [Range<String.Index>], in folded: String) -> Int? {
        let start = ranges[span.lowerBound].lowerBound
        let end = ranges[span.upperBound - 1].upperBound
        let before = String(folded[folded.index(start, offsetBy: -min(16, folded.distance(from: folded.startIndex, to: start)))..<start])
        let after = String(folded[end..<folded.index(end, offsetBy: min(16, folded.distance(from: end, to: folded.endIndex)))])
        if let match = before.firstMatch(of: Self.leading), let qty = number(String(match.output.1)) { return qty }
        if let match = after.firstMatch(of: Self.trailing), let qty = Int(match.output.1), qty > 0 { return qty }
        return nil
    }

    private static func number(_ word: String) -> Int? {
        if let value = Int(word) { return value > 0 && value < 1000 ? value : nil }
        return words.firstIndex(of: word).map { $0 + 1 }
    }

    nonisolated(unsafe) private static let leading =
        /(?:^|[^\d.,])(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:x|×|\*|pcs?\.?|pieces?|units?|of)?\s*$/
    nonisolated(unsafe) private static let trailing = /^[\s,]*\(?\s*(?:x|×|qty:?|quantity:?)\s*(\d{1,3})\b/
    private static let words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
}
