/// A rules file that cannot be used, with every problem found in it.
public struct RulesLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's name as given to the loader.
    public let file: String
    /// Every problem, in file order; never empty.
    public let problems: [RuleProblem]

    /// Creates an error.
    public init(file: String, problems: [RuleProblem]) {
        self.file = file
        self.problems = problems
    }

    /// One problem per line, then a count.
    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return (problems.map(\.description) + ["\(file): \(count)"]).joined(separator: "\n")
    }
}
