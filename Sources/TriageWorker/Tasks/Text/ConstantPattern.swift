import Foundation

/// Compiles a regular expression written in the source as a literal, once, where it is declared.
///
/// A literal that does not compile is a programming error, not bad input: it stops the program at first use
/// rather than silently matching nothing, and `ConstantPatternTests` touches every pattern compiled here.
enum ConstantPattern {
    /// The compiled `pattern`; only for patterns fixed in the source.
    static func compile(_ pattern: String, options: NSRegularExpression.Options = []) -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: pattern, options: options)
        } catch {
            preconditionFailure("constant pattern does not compile: \(error)")
        }
    }
}
