import TriageCore

/// Something that turns an unstructured exception into a suggestion: the engine in production, a script in tests.
public protocol SuggestionMaking: Sendable {
    /// Makes a suggestion; endpoint failures are thrown so the queue can retry or dead-letter the job.
    func suggest(for record: ExceptionRecord, task: AITask) async throws(ChatError) -> Suggestion
}
