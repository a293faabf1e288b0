import Foundation

/// The header block of a pasted or forwarded e-mail: two or more `Name: value` lines at the top of the text
/// (after any "forwarded"/"original message" divider), ended by a blank line. Its dates are when the mail was sent,
/// not the document's, and its names are the mail's, not the supplier's.
enum MailHeader {
    private static let field = try! NSRegularExpression(pattern: #"^\s*[A-Za-z][A-Za-z-]{0,24}\s?:\s*\S"#)
    private static let divider = try! NSRegularExpression(pattern: #"^\s*-{2,}.*-{2,}\s*$|^\s*$"#)

    /// `text` without its header blocks (each replaced by nothing), line count otherwise kept.
    static func strip(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < lines.count {
            while index < lines.count, matches(divider, lines[index]) { index += 1 }
            var end = index
            while end < lines.count, matches(field, lines[end]) { end += 1 }
            let closed = end == lines.count || lines[end].trimmingCharacters(in: .whitespaces).isEmpty
            guard end - index >= 2, closed else { break }
            for blank in index..<end { lines[blank] = "" }
            index = end
        }
        return lines.joined(separator: "\n")
    }

    private static func matches(_ regex: NSRegularExpression, _ line: String) -> Bool {
        regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
    }
}
