import Foundation
import TriageCore

/// The model side of a task: the prompt library and the validated call.
struct TaskModel: Sendable {
    let call: ModelCall
    let prompts: PromptLibrary

    /// Renders the task's prompt with `context`, constrains `enums` in the schema and asks for a valid reply.
    func ask<Reply: Sendable>(
        _ task: AITask, context: [String: Any], enums: [String: [String]],
        validate: (JSONValue) -> Result<Reply, ReplyError>
    ) async throws(ChatError) -> ModelOutcome<Reply> {
        let messages = prompts.messages(for: task, context: context)
        var schema = prompts.schema(of: task)
        for (key, values) in enums { schema = schema.settingEnum(key, to: values) }
        return try await call.ask(messages: messages, schemaName: task.rawValue, schema: schema, validate: validate)
    }

    /// The task's prompt version.
    func version(_ task: AITask) -> String { prompts.version(of: task) }
}

extension Suggestion {
    /// A suggestion-less card when the reference data could not be read.
    static func unavailable(_ task: AITask, error: any Error) -> Suggestion {
        Suggestion(
            task: task, action: nil, confidence: .low,
            noSuggestionReason: "reference data unavailable (\(String(describing: type(of: error))))")
    }

    /// Flags instruction-like text and says on the card that it was ignored.
    mutating func flagInjection(_ screen: InjectionScreen) {
        flags.append("possible_injection")
        let passage = screen.passages.first.map { String($0.prefix(80)) } ?? ""
        notes.append("instruction-like text ignored: \"\(passage)\"")
    }

    /// Records the model, the prompt version and the usage of a model exchange.
    mutating func record(_ usage: ModelUsage, version: String) {
        model = usage.model ?? model
        promptVersion = version
        promptTokens += usage.promptTokens
        completionTokens += usage.completionTokens
        latencySeconds += usage.latencySeconds
    }

    /// Keeps the deterministic answer against a disagreeing model: lower confidence, flag, note.
    mutating func modelDisagreed(_ note: String) {
        flags.append("model_disagreed")
        notes.append(note)
        confidence = confidence == .high ? .medium : .low
    }

    /// Notes a reply that stayed invalid after the repair retry; the deterministic answer stands.
    mutating func modelInvalid(_ reason: String?) {
        notes.append("model reply invalid: \(reason ?? "unknown"); kept the deterministic answer")
        flags.append("model_reply_invalid")
    }
}
