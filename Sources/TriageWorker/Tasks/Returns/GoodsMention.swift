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
    /// True when the words hold a product's first word (its brand, "Eldon frames"); false for words from inside
    /// names only ("machines high speed"), which may describe goods already named.
    var branded = true

    /// The words as the card quotes them.
    var phrase: String { words.joined(separator: " ") }

    /// True when `line` is these goods: its SKU is one of the fits, or its name holds every one of the words (in any
    /// order, plural or singular, a letter mistyped: "8 Enermax cards" are "Enermax Memory Card, Bluetooth").
    func names(_ line: OrderLine) -> Bool {
        if skus.contains(line.sku) { return true }
        let lineWords = GoodsFinder.nameWords(line.description)
        return words.allSatisfy { word in GoodsFinder.contains(lineWords, TextFolding.stem(word)) }
    }
}

/// Finds ``GoodsMention``s the way people name goods: words of a product's name next to each other in the text, in
/// any order, singular or plural, one letter off in a long word. Two words do when one is the name's first (the brand:
/// "the Hon chair", "black Eldon frames", "Logitech ergonomic keypads"); else three from anywhere in the name. Where
/// runs overlap the longest wins, and products fitting the same words equally stay together as one mention.
enum GoodsFinder {
    /// The mentions in `text` among `catalogue`, in text order.
    static func mentions(in text: String, catalogue: [Product]) -> [GoodsMention] {
        mentions(in: text, names: catalogue.map { ($0.sku, $0.description) })
    }

    /// The mentions in `text` among products given by SKU and name (the catalogue's, the lines of orders).
    static func mentions(in text: String, names products: [(sku: String, description: String)]) -> [GoodsMention] {
        let tokens = TextWords.tokens(text)
        let words = tokens.ranges.map { String(tokens.folded[$0]) }
        let stems = words.map(TextFolding.stem)
        let written = Set(stems)
        var fits: [(sku: String, start: Int, length: Int, branded: Bool)] = []
        for product in products {
            let name = nameWords(product.description)
            // A product none of whose words is written as such cannot be named (a run holds an exact word).
            guard name.contains(where: written.contains), let best = bestRun(of: name, in: stems) else { continue }
            fits.append((product.sku, best.start, best.length, best.branded))
        }
        var spans: [(range: Range<Int>, skus: Set<String>, branded: Bool)] = []
        for fit in fits.sorted(by: { $0.length != $1.length ? $0.length > $1.length : $0.start < $1.start }) {
            let range = fit.start..<(fit.start + fit.length)
            if let index = spans.firstIndex(where: { $0.range == range }) {
                spans[index].skus.insert(fit.sku)
                spans[index].branded = spans[index].branded || fit.branded
            } else if !spans.contains(where: { $0.range.overlaps(range) }) {
                spans.append((range, [fit.sku], fit.branded))
            }
        }
        return spans.sorted { $0.range.lowerBound < $1.range.lowerBound }.map { span in
            GoodsMention(
                words: Array(words[span.range]), skus: span.skus,
                qty: Quantity.around(span.range, ranges: tokens.ranges, in: tokens.folded), branded: span.branded)
        }
    }

    /// A product name's words, stemmed (``TextFolding/stem(_:)``), in order.
    static func nameWords(_ description: String) -> [String] {
        TextWords.words(description).map(TextFolding.stem)
    }

    /// Words that join the words of a name and start none.
    static let joiningWords: Set<String> = ["of", "and", "with", "for", "the", "in", "on", "to", "by", "per"]

    /// True when `name` holds `word`, or a word one letter off it when both are long ("ergonomic", "erganomic").
    static func contains(_ name: [String], _ word: String) -> Bool {
        name.contains(word) || (word.count >= 6 && name.contains { $0.count >= 6 && TextFolding.isTypo($0, word) })
    }

    /// The longest run of text words (stemmed) that are all words of `name`, each used once, that names the product:
    /// two or more with the name's first word among them, or three or more; nil when none does. A run starts at no
    /// number, single letter or joining word: those are the quantity ("8 Enermax cards", "3 x Eaton …") or glue.
    static func bestRun(of name: [String], in stems: [String]) -> (start: Int, length: Int, branded: Bool)? {
        guard let brand = name.first else { return nil }
        var best: (start: Int, length: Int, branded: Bool)?
        var start = 0
        while start < stems.count {
            let first = stems[start]
            if first.count < 2 || first.allSatisfy(\.isNumber) || joiningWords.contains(first) {
                start += 1
                continue
            }
            var used: [String] = []
            var end = start
            while end < stems.count, !used.contains(stems[end]), contains(name, stems[end]) {
                used.append(stems[end])
                end += 1
            }
            let length = end - start
            let branded = used.contains { $0 == brand || TextFolding.isTypo($0, brand) }
            if length >= 3 || (length == 2 && branded), length > (best?.length ?? 0) { best = (start, length, branded) }
            start = max(end, start + 1)
        }
        return best
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
