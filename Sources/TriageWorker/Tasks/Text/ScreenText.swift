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
