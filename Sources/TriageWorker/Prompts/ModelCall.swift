import Foundation
import TriageCore

/// Tokens and time spent on model calls, and the model that answered.
struct ModelUsage: Sendable, Hashable {
    var model: String?
    var promptTokens = 0
    var completionTokens = 0
    var latencySeconds = 0.0

    mutating func add(_ reply: ChatReply) {
        model = reply.model
        promptTokens += reply.promptTokens
        completionTokens += reply.completionTokens
        latencySeconds += reply.latencySeconds
    }
}

/// What one validated model exchange produced: the accepted reply, or why there is none.
struct ModelOutcome<Reply: Sendable>: Sendable {
    var reply: Reply?
    /// Why the reply was rejected after the repair retry.
    var invalidReason: String?
    var usage: ModelUsage
}

/// Sends a rendered prompt, validates the reply and retries once with the validation error.
struct ModelCall: Sendable {
    /// The most tokens any reply may use: replies are a few short fields.
    static let maxTokens = 150

    let chat: any ChatClient

    /// Asks for a reply that `validate` accepts; an invalid reply gets one repair retry, then `invalidReason`.
    func ask<Reply: Sendable>(
        messages: [ChatMessage], schemaName: String, schema: JSONValue,
        validate: (JSONValue) -> Result<Reply, ReplyError>
    ) async throws(ChatError) -> ModelOutcome<Reply> {
        var conversation = messages
        var usage = ModelUsage()
        var lastError = ""
        for attempt in 0..<2 {
            let request = ChatRequest(
                messages: conversation, schemaName: schemaName, schema: schema, maxTokens: Self.maxTokens)
            let reply: ChatReply
            do {
                reply = try await chat.complete(request)
            } catch .invalidResponse(_, let message) where attempt == 0 {
                // A 2xx body that is no chat completion: ask again once, with the repair prompt.
                lastError = message
                conversation.append(ChatMessage(role: "user", content: Self.repairPrompt(ReplyError(message))))
                continue
            }
            usage.add(reply)
            switch Self.decode(reply.content).flatMap(validate) {
            case .success(let value): return ModelOutcome(reply: value, usage: usage)
            case .failure(let error):
                lastError = error.message
                guard attempt == 0 else { break }
                conversation.append(ChatMessage(role: "assistant", content: String(reply.content.prefix(400))))
                conversation.append(ChatMessage(role: "user", content: Self.repairPrompt(error)))
            }
        }
        return ModelOutcome(reply: nil, invalidReason: lastError, usage: usage)
    }

    static func repairPrompt(_ error: ReplyError) -> String {
        "That reply was invalid: \(error.message). Answer again with one JSON object that follows the schema."
    }

    static func decode(_ content: String) -> Result<JSONValue, ReplyError> {
        let trimmed = content.trimmingCharacters(in: .whitespacesAndNewlines)
        let notAnObject = ReplyError("reply is not a JSON object")
        do {
            let value = try JSONDecoder().decode(JSONValue.self, from: Data(trimmed.utf8))
            return value.object != nil ? .success(value) : .failure(notAnObject)
        } catch {
            // The wording is part of recorded repair requests (the replay cache key), so the parser's reason is
            // not appended to it.
            return .failure(notAnObject)
        }
    }
}

/// Why a model reply was rejected.
struct ReplyError: Error, Sendable, Hashable {
    let message: String

    init(_ message: String) { self.message = message }
}

extension JSONValue {
    /// The schema with `properties.<key>.enum` set to `values`: the offered candidates or allowed actions.
    func settingEnum(_ key: String, to values: [String]) -> JSONValue {
        guard var root = object, var properties = root["properties"]?.object, var field = properties[key]?.object
        else { return self }
        field["enum"] = .array(values.map(JSONValue.string))
        properties[key] = .object(field)
        root["properties"] = .object(properties)
        return .object(root)
    }
}
