import Foundation

/// The rule for user names, the same on every store.
public enum ReviewerName {
    /// The name trimmed; `ReviewError.invalid` unless it is 1 to 80 characters on one line.
    public static func validated(_ name: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 80, !trimmed.contains(where: \.isNewline) else {
            throw ReviewError.invalid("name: a user name is 1 to 80 characters on one line")
        }
        return trimmed
    }
}
