import Foundation

/// Long text as one short line for a table cell: whitespace collapsed, cut at a word boundary and ended with "…"
/// (the cell's `title` carries the whole text).
enum OneLine {
    /// `text` on one line, whole, for a `title` attribute.
    static func flattened(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `text` on one line, at most `limit` characters plus the ellipsis.
    static func shortened(_ text: String, limit: Int) -> String {
        let flat = flattened(text)
        guard flat.count > limit else { return flat }
        let head = flat.prefix(limit)
        // A word longer than half the line (a URL, an id) is cut inside rather than dropped whole.
        let cut = head.lastIndex(of: " ").map { head[..<$0] }.flatMap { $0.count >= limit / 2 ? $0 : nil } ?? head
        return cut.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) + "…"
    }
}
