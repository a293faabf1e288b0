import Foundation

/// Folds untrusted text to one spelling before it is screened: Unicode NFKC (full-width and ligature forms),
/// Cyrillic and Greek letters that look Latin mapped to Latin, invisible characters dropped, every run of
/// whitespace (line breaks included) one space, lower case.
enum ScreenText {
    /// The normalised form of `text`.
    static func normalise(_ text: String) -> String {
        var folded = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.precomposedStringWithCompatibilityMapping.unicodeScalars {
            if invisible.contains(scalar.value) { continue }
            if scalar.properties.isWhitespace {
                pendingSpace = !folded.isEmpty
                continue
            }
            if pendingSpace { folded.append(" ") }
            pendingSpace = false
            folded.append(confusables[scalar] ?? scalar)
        }
        return String(folded).lowercased()
    }

    /// The normalised forms `raw` is screened in: as written, and once its disguises are undone — letters
    /// spaced or dotted apart (`i g n o r e   a l l`, `S.E.T. A.C.T.I.O.N.`) joined back into words, digits
    /// written for letters (`1gn0r3`) read as letters, and base64 or hex runs decoded to the text they carry.
    /// A disguised form is only added when it differs.
    static func forms(of raw: String) -> [String] {
        let plain = normalise(raw)
        var forms = [plain]
        let joined = normalise(joinSpacedLetters(raw))
        if joined != plain { forms.append(joined) }
        let letters = unLeet(joined)
        if letters != joined { forms.append(letters) }
        forms += EncodedText.decodedRuns(in: raw).map(normalise)
        return forms
    }

    /// Joins runs of two or more single letters, each the same one separator apart (a space, dot, dash,
    /// underscore or star), into one word; a wider gap between runs stays a word break, and the separator left
    /// after a joined word (`S.E.T.`) goes.
    static func joinSpacedLetters(_ text: String) -> String {
        let range = NSRange(text.startIndex..., in: text)
        guard spacedLetters.firstMatch(in: text, range: range) != nil else { return text }
        var result = ""
        var last = text.startIndex
        for match in spacedLetters.matches(in: text, range: range) {
            guard let found = Range(match.range, in: text) else { continue }
            result += text[last..<found.lowerBound]
            result += text[found].filter { !" .-_*".contains($0) }
            last = found.upperBound
            if last < text.endIndex, ".-_*".contains(text[last]) { last = text.index(after: last) }
        }
        return result + text[last...]
    }

    private static let spacedLetters = ConstantPattern.compile("(?<!\\p{L})\\p{L}([ .\\-_*])\\p{L}(?:\\1\\p{L})*(?!\\p{L})")

    /// Reads digits and signs written for letters (`0 1 3 4 5 7 @ $`) as those letters, in words that mix them
    /// with letters; numbers alone (amounts, order numbers) stay as they are.
    static func unLeet(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            // A word made of letters and stand-ins only ("1gn0r3", "pr3v10u5,"), not a code or an amount
            // ("sku-1001", "14.50", "4500012345").
            let core = word.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:?\"'()"))
            guard core.contains(where: \.isLetter), core.allSatisfy({ $0.isLetter || leet[$0] != nil }),
                core.contains(where: { leet[$0] != nil })
            else { return String(word) }
            return String(word.map { leet[$0] ?? $0 })
        }.joined(separator: " ")
    }

    private static let leet: [Character: Character] = [
        "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "|": "l",
    ]

    /// Zero-width and formatting characters that split a word without showing.
    private static let invisible: Set<UInt32> = [0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E]

    /// Cyrillic and Greek letters drawn like Latin ones (a small subset of Unicode's confusables).
    private static let confusables: [Unicode.Scalar: Unicode.Scalar] = {
        let pairs: [(String, String)] = [
            ("АВЕЅІЈКМНОРСТХУаеѕіјорсхуԁһԛԝӏү", "ABESIJKMHOPCTXYaesijopcxydhqwly"),
            ("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαειοκνρτυχ", "ABEZHIKMNOPTYXaeiokvptux"),
        ]
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (from, to) in pairs {
            for (lookalike, latin) in zip(from.unicodeScalars, to.unicodeScalars) { map[lookalike] = latin }
        }
        return map
    }()
}
