import Foundation
import TriageCore

/// Reads whether a phrase is said or denied: "I don't want a refund", "it was never dropped", "rather than a
/// refund" deny; "I don't know why the fan quit" does not deny "the fan quit".
enum Negation {
    /// The first match of `pattern` in `folded` (folded text) that no negation in its clause denies.
    static func affirmed(_ pattern: String, in folded: String) -> Range<String.Index>? {
        var searchStart = folded.startIndex
        while let found = folded.range(of: pattern, options: .regularExpression, range: searchStart..<folded.endIndex) {
            if !isDenied(before: folded[..<found.lowerBound]) { return found }
            guard found.upperBound > searchStart, found.upperBound < folded.endIndex else { return nil }
            searchStart = found.upperBound
        }
        return nil
    }

    /// True when one of the few words before a phrase, in its clause, negates it.
    static func isDenied(before prefix: Substring) -> Bool {
        let clause = prefix.split(omittingEmptySubsequences: false, whereSeparator: { ".;!?,\n".contains($0) }).last
            ?? prefix
        let words = Array(TextWords.words(String(clause)).suffix(window))
        for (index, word) in words.enumerated().reversed() {
            if shifters.contains(word) { return false }
            if cues.contains(word) { return true }
            if index > 0, phrases.contains(words[index - 1] + " " + word) { return true }
        }
        return false
    }

    /// How many words before a phrase a negation may stand ("not looking for a refund").
    private static let window = 4
    private static let cues: Set<String> = [
        "not", "no", "never", "dont", "didnt", "doesnt", "isnt", "wasnt", "werent", "havent", "hasnt", "hadnt",
        "cant", "cannot", "wont", "wouldnt", "shouldnt", "without", "neither", "nor", "nt", "nobody", "noone",
        "nothing", "nowhere",
    ]
    private static let phrases: Set<String> = ["rather than", "instead of", "other than", "no one", "none of"]
    /// Words after which the negation is about something else ("I don't know why it stopped").
    private static let shifters: Set<String> = [
        "know", "why", "how", "understand", "think", "sure", "what", "when", "but", "until", "because", "since",
        "if", "whether", "idea",
    ]
}
