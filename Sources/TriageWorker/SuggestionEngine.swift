import Foundation
import TriageCore

/// The AI worker's task logic: context retrieval, prompt, call, validation, suggestion — deterministic first.
///
/// Parsers and scorers answer first; the model is asked only where they leave a choice open (close candidate
/// orders, invoice fields no pattern found) or as a cross-check (the warranty claim's classification). A model
/// that disagrees with a decisive deterministic answer lowers confidence and is noted; it never overrides it.
public struct SuggestionEngine: SuggestionMaking {
    let reference: any WorkerReference
    let model: TaskModel?
    let prompts: PromptLibrary
    let now: Date?

    /// Creates an engine; `chat == nil` runs the deterministic path only (`--no-llm`).
    public init(reference: any WorkerReference, chat: (any ChatClient)?, prompts: PromptLibrary, now: Date? = nil) {
        self.reference = reference
        self.model = chat.map { TaskModel(call: ModelCall(chat: $0), prompts: prompts) }
        self.prompts = prompts
        self.now = now
    }

    /// Suggests an action for one exception.
    ///
    /// Endpoint failures (`ChatError`) are thrown so the queue can retry or dead-letter the job; a reply that is
    /// invalid even after one repair retry is not thrown: the suggestion keeps the deterministic answer (or none)
    /// and says why in its notes.
    public func suggest(for record: ExceptionRecord, task: AITask) async throws(ChatError) -> Suggestion {
        let input = TaskInput(record: record, fallbackNow: now)
        var suggestion: Suggestion
        switch task {
        case .returnMatch: suggestion = try await ReturnMatchTask(reference: reference, model: model).run(input)
        case .invoice: suggestion = try await InvoiceTask(reference: reference, model: model).run(input)
        case .warranty: suggestion = try await WarrantyTask(reference: reference, model: model).run(input)
        }
        if input.isTruncated { Self.markTruncated(&suggestion) }
        return suggestion
    }

    /// A suggestion made from the first ``TaskInput/maxTextBytes`` of a longer text is never high confidence, and
    /// the card says what was not read.
    static func markTruncated(_ suggestion: inout Suggestion) {
        suggestion.flags.append("input_truncated")
        suggestion.notes.append("only the first \(TaskInput.maxTextBytes / 1024) KiB of the text were read")
        if suggestion.confidence == .high { suggestion.confidence = .medium }
    }
}
