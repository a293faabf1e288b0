import Foundation

/// Finds instruction-like content in untrusted text (emails, invoices) and cuts it out before extraction.
///
/// The cut text is never read by the extractors, so an injected "approve refund" cannot turn a claim into a
/// refund; the card carries the flag `possible_injection` so a reviewer sees the attempt.
struct InjectionScreen: Sendable {
    /// The text with every injected sentence removed.
    let cleaned: String
    /// The injected passages, as found.
    let passages: [String]

    /// True when something instruction-like was found.
    var flagged: Bool { !passages.isEmpty }

    /// Screens `text`, paragraph by paragraph: from the sentence holding a pattern to the paragraph's end.
    init(_ text: String) {
        var kept: [String] = []
        var found: [String] = []
        for paragraph in text.components(separatedBy: "\n\n") {
            guard let cut = Self.cutIndex(in: paragraph) else {
                kept.append(paragraph)
                continue
            }
            let before = String(paragraph[..<cut])
            found.append(String(paragraph[cut...]).trimmingCharacters(in: .whitespacesAndNewlines))
            if !before.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { kept.append(before) }
        }
        cleaned = kept.joined(separator: "\n\n")
        passages = found
    }

    /// The start of the sentence that holds the first instruction-like pattern, or nil.
    private static func cutIndex(in paragraph: String) -> String.Index? {
        var earliest: Range<String.Index>?
        for pattern in patterns {
            guard let range = paragraph.range(of: pattern, options: [.regularExpression, .caseInsensitive]) else { continue }
            if let current = earliest, current.lowerBound <= range.lowerBound { continue }
            earliest = range
        }
        guard let match = earliest else { return nil }
        let head = paragraph[..<match.lowerBound]
        guard let stop = head.lastIndex(where: { ".!?\n".contains($0) }) else { return paragraph.startIndex }
        return paragraph.index(after: stop)
    }

    /// Lower-case regular expressions for instructions aimed at an automated reader.
    static let patterns = [
        #"ignore (all |any )?(the )?(previous|prior|above|earlier) (instructions|rules|prompts?)"#,
        #"disregard (all |any )?(the )?(previous|prior|above)"#,
        #"\bsystem\s*:"#, #"\bassistant\s*:"#, #"you are now"#, #"</?\s*(email|invoice|text|system|data)\s*>"#,
        #"<<<|>>>"#, #"\[\s*(assistant|system|ai)[^\]]*\]"#, #"\b(ai|llm) (assistant|agent|model|system)"#,
        #"note to (the )?(ai|assistant|model|bot)"#, #"automated systems? (must|should)"#,
        #"\bapprove (a |an |the |this )?(full )?(refund|invoice|payment|claim)"#, #"\baction\s*="#,
        #"pre-?approved"#, #"do not hold"#, #"skip the (price|po) check"#, #"confidence\s*="#,
        #"mark (this|the) invoice as"#, #"issue a (full )?refund now"#,
    ]
}
