/// One problem found while loading a rules file, with where it is.
public struct RuleProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file's name as given to the loader.
    public let file: String
    /// The line, from 1.
    public let line: Int
    /// The column, from 1.
    public let column: Int
    /// What is wrong, e.g. `rule "pay-release": unknown mode "autoo" (expected shadow, gated, auto)`.
    public let message: String

    /// Creates a problem.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, the format editors and CI annotate.
    public var description: String { "\(file):\(line):\(column): \(message)" }
}
