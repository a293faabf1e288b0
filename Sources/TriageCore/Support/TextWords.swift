import Foundation

/// How free text and product names are split into comparable words, the same on both sides of the worker's
/// reference port: folded (case, accents, width), apostrophes dropped, split on anything not a letter or digit.
public enum TextWords {
    /// Lower-cased with accents removed ("Chloé" → "chloe").
    public static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        guard folded.contains(where: { unfoldable[$0] != nil }) else { return folded }
        return String(folded.flatMap { unfoldable[$0] ?? String($0) })
    }

    /// Letters that carry no separable accent, written as readers type them without it ("zapłaty" → "zaplaty",
    /// "Søndergade" → "sondergade", "Straße" → "strasse").
    private static let unfoldable: [Character: String] = [
        "ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ı": "i", "þ": "th", "ð": "d",
    ]

    /// Folded words of letters and digits, in order ("3-Hole Punch, Recycled" → 3, hole, punch, recycled).
    public static func words(_ text: String) -> [String] {
        let tokens = tokens(text)
        return tokens.ranges.map { String(tokens.folded[$0]) }
    }

    /// The folded text (apostrophes dropped) and where each of its ``words(_:)`` lies in it, for looking at what
    /// surrounds a word ("5 x" before a product name).
    public static func tokens(_ text: String) -> (folded: String, ranges: [Range<String.Index>]) {
        asciiTokens(text) ?? unicodeTokens(text)
    }

    /// ``tokens(_:)`` of any text, Character by Character.
    static func unicodeTokens(_ text: String) -> (folded: String, ranges: [Range<String.Index>]) {
        let folded = fold(text).replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "’", with: "")
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        var index = folded.startIndex
        while index < folded.endIndex {
            let isWord = folded[index].isLetter || folded[index].isNumber
            if isWord, start == nil { start = index }
            if !isWord, let begun = start {
                ranges.append(begun..<index)
                start = nil
            }
            index = folded.index(after: index)
        }
        if let begun = start { ranges.append(begun..<folded.endIndex) }
        return (folded, ranges)
    }

    /// ``tokens(_:)`` of a text of ASCII only, read byte by byte: there folding is lower-casing, and a word is a run
    /// of letters and digits. Nil when the text has any other character.
    static func asciiTokens(_ text: String) -> (folded: String, ranges: [Range<String.Index>])? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            guard byte != UInt8(ascii: "'") else { continue }
            bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
        }
        let folded = String(decoding: bytes, as: UTF8.self)
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        var index = folded.utf8.startIndex
        for byte in bytes {
            let isWord = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            if isWord, start == nil { start = index }
            if !isWord, let begun = start {
                ranges.append(begun..<index)
                start = nil
            }
            index = folded.utf8.index(after: index)
        }
        if let begun = start { ranges.append(begun..<folded.endIndex) }
        return (folded, ranges)
    }

    /// Adjacent word pairs ("a b"), the key a product name is looked up by.
    public static func pairs(_ words: [String]) -> [String] {
        guard words.count >= 2 else { return [] }
        return (1..<words.count).map { words[$0 - 1] + " " + words[$0] }
    }
}
