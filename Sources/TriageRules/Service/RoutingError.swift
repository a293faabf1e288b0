import TriageCore

/// A failure while routing one exception, with the exception and the step that failed.
public struct RoutingError: Error, Sendable, CustomStringConvertible {
    /// The exception being routed.
    public let exceptionID: Int64
    /// The step: the action being planned, or `escalate`.
    public let step: String
    /// The underlying error's description (a store error; never customer text).
    public let message: String

    /// Creates an error.
    public init(exceptionID: Int64, step: String, message: String) {
        self.exceptionID = exceptionID
        self.step = step
        self.message = message
    }

    /// `routing exception 42 failed in refund_return: …`.
    public var description: String { "routing exception \(exceptionID) failed in \(step): \(message)" }
}
