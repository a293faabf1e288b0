import Foundation

/// Long text as one short line for a table cell or a terminal column: whitespace collapsed, cut at a word boundary
/// and ended with "…" when anything was cut.
public enum TextClip {
    /// `text` on one line, whole (for a `title` attribute).
    public static func flattened(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `text` on one line, at most `limit` characters plus the ellipsis: cut after the last whole word that fits; a
    /// word longer than half the line (a URL, an id) is cut inside rather than dropped whole.
    public static func words(_ text: String, limit: Int) -> String {
        let flat = flattened(text)
        guard flat.count > limit else { return flat }
        let head = flat.prefix(limit)
        let cut = head.lastIndex(of: " ").map { head[..<$0] }.flatMap { $0.count >= limit / 2 ? $0 : nil } ?? head
        return cut.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) + "…"
    }
}
