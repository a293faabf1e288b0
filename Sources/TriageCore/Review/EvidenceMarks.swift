import Foundation

/// Where a suggestion's evidence lies in the source text, so a reviewer sees each quote and each extracted value
/// in place instead of searching the e-mail by eye. Pure text work: the page renders the segments, escaped.
public enum EvidenceMarks {
    /// One run of the source text: plain, or marked as supporting a field.
    public struct Segment: Sendable, Hashable {
        /// The text, exactly as in the source.
        public var text: String
        /// The field the run supports (`order_number`, `name`, `evidence`), nil for plain text.
        public var field: String?
        /// The anchor of what it supports on the page: `field-KEY` for a parameter, `evidence-N` for a quote.
        public var target: String?
    }

    /// What to look for: a quote or a value, and what it supports.
    struct Needle {
        var text: String
        var field: String
        var target: String
    }

    /// Splits `text` into plain and marked runs: each evidence quote (a leading `label: ` names its field) and each
    /// parameter value of three or more characters that occurs in the text. The first occurrence of each is marked;
    /// where two overlap, the one that starts first (then the longer) wins.
    public static func segments(_ text: String, evidence: [String], parameters: [String: String]) -> [Segment] {
        var needles = evidence.enumerated().map { index, quote in
            let (field, value) = labelled(quote)
            return Needle(text: value, field: field ?? "evidence", target: "evidence-\(index + 1)")
        }
        needles += parameters.sorted { $0.key < $1.key }.filter { $0.value.count >= 3 }.map {
            Needle(text: $0.value, field: $0.key, target: "field-" + $0.key)
        }
        var found: [(range: Range<String.Index>, needle: Needle)] = needles.compactMap { needle in
            locate(needle.text, in: text).map { ($0, needle) }
        }
        found.sort { ($0.range.lowerBound, $1.range.upperBound) < ($1.range.lowerBound, $0.range.upperBound) }
        var segments: [Segment] = []
        var cursor = text.startIndex
        for (range, needle) in found where range.lowerBound >= cursor {
            if cursor < range.lowerBound { segments.append(Segment(text: String(text[cursor..<range.lowerBound])) ) }
            segments.append(Segment(text: String(text[range]), field: needle.field, target: needle.target))
            cursor = range.upperBound
        }
        if cursor < text.endIndex { segments.append(Segment(text: String(text[cursor...]))) }
        return segments
    }

    /// `"name: Ada Byron"` → (`name`, `Ada Byron`); a quote without a short label is all value.
    static func labelled(_ quote: String) -> (field: String?, value: String) {
        guard let colon = quote.range(of: ": ") else { return (nil, quote) }
        let label = quote[..<colon.lowerBound]
        guard label.count <= 20, label.allSatisfy({ $0.isLetter || $0 == "_" || $0 == " " }) else { return (nil, quote) }
        return (label.replacingOccurrences(of: " ", with: "_"), String(quote[colon.upperBound...]))
    }

    /// The first place `needle` occurs in `text`, ignoring case and how much white space separates its words.
    static func locate(_ needle: String, in text: String) -> Range<String.Index>? {
        let trimmed = needle.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count >= 2 else { return nil }
        if let range = text.range(of: trimmed, options: options) { return range }
        let words = trimmed.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count > 1 else { return nil }
        var start = text.startIndex
        while let first = text.range(of: words[0], options: options, range: start..<text.endIndex) {
            if let end = matchRest(words.dropFirst(), in: text, from: first.upperBound) { return first.lowerBound..<end }
            start = first.upperBound
        }
        return nil
    }

    private static let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]

    /// Where `words` end when each follows the last after at least one white-space character, nil otherwise.
    private static func matchRest(_ words: ArraySlice<String>, in text: String, from index: String.Index) -> String.Index? {
        var index = index
        for word in words {
            var next = index
            while next < text.endIndex, text[next].isWhitespace { next = text.index(after: next) }
            guard next > index, let range = text.range(of: word, options: options.union(.anchored), range: next..<text.endIndex)
            else { return nil }
            index = range.upperBound
        }
        return index
    }
}

extension EvidenceMarks.Segment {
    init(text: String) {
        self.init(text: text, field: nil, target: nil)
    }
}
