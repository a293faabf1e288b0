import Foundation

/// A sentence of untrusted text, as written, with where it sits: the unit the injection screen cuts.
struct ScreenSentence: Sendable, Hashable {
    /// The sentence with the spaces after it, so the sentences of a line concatenate back to the line.
    let text: String
    /// True for the first sentence of a line.
    let startsLine: Bool
    /// True for the first sentence after a blank line (or of the text).
    let startsParagraph: Bool

    /// Splits text into lines, and lines into sentences after `.`, `!` or `?` followed by a space.
    static func split(_ text: String) -> [ScreenSentence] {
        var result: [ScreenSentence] = []
        var afterBlank = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let parts = Self.sentences(in: line)
            for (index, part) in parts.enumerated() {
                result.append(
                    ScreenSentence(text: part, startsLine: index == 0, startsParagraph: index == 0 && afterBlank))
            }
            afterBlank = line.allSatisfy(\.isWhitespace)
        }
        return result
    }

    /// A line's sentences, each with its trailing spaces; an empty line is one empty sentence, so it is kept.
    private static func sentences(in line: Substring) -> [String] {
        var parts: [String] = []
        var current = ""
        var ended = false
        var spaced = false
        for character in line {
            if character == " " || character == "\t" {
                spaced = spaced || ended
            } else {
                if ended && spaced {
                    parts.append(current)
                    current = ""
                }
                ended = ".!?".contains(character)
                spaced = false
            }
            current.append(character)
        }
        return parts + [current]
    }
}
