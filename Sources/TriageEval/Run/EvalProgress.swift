import Foundation

/// The eval run's progress bar on standard error, on a terminal only.
public enum EvalProgress {
    /// True when standard error is a terminal.
    public static let isShown = isatty(STDERR_FILENO) != 0

    /// Redraws the bar for `suite`'s `variant` run: `done` of `total` cases.
    @Sendable public static func show(_ suite: String, _ variant: RunVariant, _ done: Int, _ total: Int) {
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        printRaw("\r\(suite) [\(variant.rawValue)] [\(bar)] \(done)/\(total)")
    }

    /// Blanks the bar's line, so what follows starts clean.
    public static func clear() {
        if isShown { printRaw("\r" + String(repeating: " ", count: 90) + "\r") }
    }

    private static func printRaw(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
