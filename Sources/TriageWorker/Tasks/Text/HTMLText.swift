import Foundation

/// A message sent as HTML, read as the text a person sees: block tags end lines, table cells are set apart as
/// columns, other tags go, and entities are decoded. Nothing inside a tag's content is dropped — hidden text
/// (white on white, a comment) stays, so the injection screen still reads it.
enum HTMLText {
    /// `text` as plain text when it holds HTML tags; unchanged otherwise.
    static func plain(_ text: String) -> String {
        guard text.contains("<"), tag.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil else {
            return text
        }
        var plain = replace(lineBreak, in: text, with: "\n")
        plain = replace(cell, in: plain, with: "  ")
        plain = replace(anyTag, in: plain, with: "")
        plain = plain.replacingOccurrences(of: "<!--", with: " ").replacingOccurrences(of: "-->", with: " ")
        return decodeEntities(plain)
    }

    private static let tag = ConstantPattern.compile(
        #"</?(p|br|div|span|table|tbody|tr|td|th|b|i|u|a|font|html|body|head|li|ul|ol|h[1-6]|strong|em|blockquote)\b[^>]*>"#,
        options: [.caseInsensitive])
    private static let lineBreak = ConstantPattern.compile(
        #"<br\s*/?>|</?(p|div|tr|li|h[1-6]|table|blockquote)\b[^>]*>"#, options: [.caseInsensitive])
    private static let cell = ConstantPattern.compile(#"</?(td|th)\b[^>]*>"#, options: [.caseInsensitive])
    private static let anyTag = ConstantPattern.compile(#"</?[a-zA-Z][^<>]*>"#)
    private static let entity = ConstantPattern.compile(#"&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});"#)
    private static let named: [String: String] = [
        "nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "euro": "€", "pound": "£",
        "yen": "¥", "copy": "©", "ndash": "–", "mdash": "—", "hellip": "…", "rsquo": "’", "lsquo": "‘",
        "rdquo": "”", "ldquo": "“",
    ]

    private static func replace(_ regex: NSRegularExpression, in text: String, with template: String) -> String {
        regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }

    /// "&amp;" → "&", "&#8364;" → "€", "&#x20AC;" → "€"; an unknown name is left as written.
    static func decodeEntities(_ text: String) -> String {
        var result = ""
        var last = text.startIndex
        for match in entity.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let whole = Range(match.range, in: text), let body = Range(match.range(at: 1), in: text) else { continue }
            result += text[last..<whole.lowerBound]
            let name = String(text[body])
            let scalar: UInt32? = name.hasPrefix("#x") ? UInt32(name.dropFirst(2), radix: 16)
                : name.hasPrefix("#") ? UInt32(name.dropFirst()) : nil
            if let scalar, let character = Unicode.Scalar(scalar), scalar >= 32 {
                result.unicodeScalars.append(character)
            } else {
                result += named[name.lowercased()] ?? String(text[whole])
            }
            last = whole.upperBound
        }
        return result + text[last...]
    }
}
