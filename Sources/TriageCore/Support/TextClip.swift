import Foundation

/// Short text for one line of a table or a list: cut at a word boundary, with an ellipsis when anything was cut.
public enum TextClip {
    /// `text` on one line, at most `limit` characters: whitespace runs become one space, and a longer text is cut
    /// after its last whole word that fits (mid-word only when one word is longer than the limit), then "…".
    public static func words(_ text: String, limit: Int) -> String {
        let line = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard line.count > limit, limit > 1 else { return line }
        let head = line.prefix(limit - 1)
        let cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
        return cut.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) + "…"
    }
}
