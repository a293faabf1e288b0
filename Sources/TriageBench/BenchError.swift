/// Why a benchmark could not run or measured something other than what it set out to.
public struct BenchError: Error, CustomStringConvertible {
    /// A message for the command line.
    public let description: String

    /// Creates an error with its message.
    public init(_ description: String) { self.description = description }
}
