import Foundation

/// An unstructured exception as routing hands it to the AI worker: the exception, the title and team of its card
/// (which waits for the worker) and the task of its queued job.
public struct WorkerIntake: Sendable, Hashable {
    /// The exception as received.
    public var exception: NewException
    /// The AI task that will run on it.
    public var task: AITask
    /// The team whose queue the card joins.
    public var team: String
    /// The card's title.
    public var title: String

    /// Creates an intake.
    public init(exception: NewException, task: AITask, team: String, title: String) {
        self.exception = exception
        self.task = task
        self.team = team
        self.title = title
    }

    /// What the card says until the worker has run.
    public static let waitingSummary = "Waiting for the AI worker"
}
