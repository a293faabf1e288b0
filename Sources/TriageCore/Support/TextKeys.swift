import Foundation

/// How ids and names are compared, the same in the worker, the store's lookups and the eval scorer.
public enum TextKeys {
    /// What an `&` in a name counts as.
    public enum Ampersand: Sendable {
        /// Read as the word "and": "Smith & Sons" = "Smith and Sons" (matching a name written in a document).
        case and
        /// Dropped like other punctuation: "Bean & Leaf" = "bean leaf" (scoring a model's answer against a label,
        /// where a left-out `&` is not a wrong supplier).
        case dropped
    }

    /// Upper-case ASCII letters and digits only: "po 7781" and "PO-7781" are the same id.
    public static func idKey(_ text: String) -> String {
        String(text.uppercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII })
    }

    /// The name's folded words joined with nothing between them ("Chloé O'Neill" → "chloeoneill").
    public static func nameKey(_ text: String, ampersand: Ampersand = .and) -> String {
        nameWords(text, ampersand: ampersand).joined()
    }

    /// The name's folded words, with `&` read as ``Ampersand``'s policy says ("Bed & Bath" → bed, and, bath).
    public static func nameWords(_ text: String, ampersand: Ampersand = .and) -> [String] {
        switch ampersand {
        case .and: TextWords.words(TextWords.fold(text).replacingOccurrences(of: "&", with: " and "))
        case .dropped: TextWords.words(text)
        }
    }
}
