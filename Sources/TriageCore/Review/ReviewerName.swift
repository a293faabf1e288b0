import Foundation

/// The rule for user names, the same on every store.
public enum ReviewerName {
    /// The name trimmed, in NFKC; `ReviewError.invalid` unless it is 1 to 80 printable characters on one line
    /// (no NUL, no control or direction characters that would make two names look alike).
    public static func validated(_ name: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCompatibilityMapping
        guard !trimmed.isEmpty, trimmed.count <= 80, !trimmed.contains(where: \.isNewline) else {
            throw ReviewError.invalid("name: a user name is 1 to 80 characters on one line")
        }
        if let problem = IdentifierText.problem(trimmed) { throw ReviewError.invalid("name: \(problem)") }
        return trimmed
    }

    /// The key two names must not share: `ALICE` and `alice` are one person to a reader of the decision log.
    public static func uniqueKey(_ name: String) -> String { name.lowercased() }
}
