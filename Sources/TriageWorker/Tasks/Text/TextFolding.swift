import Foundation
import TriageCore

/// Text normalisation shared by the extractors and scorers: accent folding, word tokens, light stemming.
enum TextFolding {
    /// Lower-cased with accents removed ("Chloé" → "chloe").
    static func fold(_ text: String) -> String { TextWords.fold(text) }

    /// Folded words of letters and digits, in order ("O'Neill" → ["oneill"]).
    static func words(_ text: String) -> [String] { TextWords.words(text) }

    /// Words worth matching on: no stop words, at least three characters, plural `s` removed.
    static func contentTokens(_ text: String) -> Set<String> {
        Set(words(text).filter { $0.count >= 3 && !stopWords.contains($0) }.map(stem))
    }

    /// Content words of a product's name without its variant ("Espresso cups, set of 4" → espresso, cup).
    static func productTokens(_ description: String) -> Set<String> {
        contentTokens(String(description.split(separator: ",").first ?? ""))
    }

    /// Drops an English plural ending so "towels" meets "towel", "boxes" "box" and "batteries" "battery"; "glass",
    /// "status" and "analysis" stay.
    static func stem(_ word: String) -> String {
        guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is")
        else { return word }
        if word.count > 4, word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if ["ches", "shes", "xes", "zes", "sses"].contains(where: word.hasSuffix) { return String(word.dropLast(2)) }
        return String(word.dropLast())
    }

    /// Folded words joined by single spaces with `&` read as "and", padded with spaces for whole-word search.
    static func phraseKey(_ text: String) -> String {
        " " + TextKeys.nameWords(text).joined(separator: " ") + " "
    }

    /// True when `a` and `b` differ by at most one edit or one swap of neighbouring letters (typos).
    static func isTypo(_ a: String, _ b: String) -> Bool {
        guard a != b, abs(a.count - b.count) <= 1, min(a.count, b.count) >= 4 else { return false }
        if EditDistance.between(a, b) <= 1 { return true }
        guard a.count == b.count else { return false }
        let diffs = zip(a, b).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
        let x = Array(a)
        let y = Array(b)
        return diffs.count == 2 && diffs[1] == diffs[0] + 1 && x[diffs[0]] == y[diffs[1]] && x[diffs[1]] == y[diffs[0]]
    }

    /// Words that say nothing about a product or a person.
    static let stopWords: Set<String> = [
        "the", "and", "for", "with", "from", "that", "this", "was", "were", "have", "has", "had", "but", "not", "you",
        "your", "our", "are", "can", "could", "would", "please", "thanks", "thank", "want", "like", "bought", "order",
        "ordered", "return", "returning", "refund", "item", "items", "hello", "dear", "regards", "kind", "pack",
        "set", "piece", "size", "just", "it's", "its", "one", "new", "send", "back", "about", "my", "hi", "there",
    ]
}
