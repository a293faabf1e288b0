/// Prepares untrusted text for a prompt: it sits between delimiters, so it must not contain them.
enum PromptText {
    /// The text without delimiter-like markers, cut to `limit` characters.
    static func delimitable(_ text: String, limit: Int) -> String {
        var cleaned = text
        for marker in ["<<<", ">>>", "EMAIL>>>", "<<<EMAIL", "INVOICE>>>", "<<<INVOICE", "TEXT>>>", "<<<TEXT"] {
            cleaned = cleaned.replacingOccurrences(of: marker, with: " ")
        }
        return cleaned.count > limit ? String(cleaned.prefix(limit)) + " …" : cleaned
    }
}
