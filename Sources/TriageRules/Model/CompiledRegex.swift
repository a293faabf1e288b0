import Foundation

/// A regular expression compiled once when the rules load.
struct CompiledRegex: @unchecked Sendable {
    // @unchecked: NSRegularExpression is immutable after creation and documented thread-safe for matching.
    let pattern: String
    private let regex: NSRegularExpression

    /// Compiles `pattern`; throws the Foundation error when the pattern is invalid.
    init(_ pattern: String) throws {
        self.pattern = pattern
        self.regex = try NSRegularExpression(pattern: pattern)
    }

    /// True when the pattern matches anywhere in `text`.
    func matches(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.firstMatch(in: text, options: [], range: range) != nil
    }
}
