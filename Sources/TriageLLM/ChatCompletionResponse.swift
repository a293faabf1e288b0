import Foundation
import TriageCore

/// The parts of an OpenAI chat-completions response the client reads.
struct ChatCompletionResponse: Decodable, Sendable {
    struct Choice: Decodable, Sendable {
        struct Message: Decodable, Sendable {
            var content: String?
        }
        var message: Message?
    }

    struct Usage: Decodable, Sendable {
        var promptTokens: Int?
        var completionTokens: Int?

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
        }
    }

    var model: String?
    var choices: [Choice]?
    var usage: Usage?

    /// Reads a response body into a reply. The error message names what is missing, never the body.
    ///
    /// - Parameter model: the requested model, used when the body does not name one.
    /// The largest reply body read: 1 MiB.
    static let maxReplyBytes = 1 << 20

    static func reply(from body: Data, model: String, latencySeconds: Double, fromCache: Bool)
        throws(ChatError) -> ChatReply
    {
        // Every call bounds max_tokens, so a real reply is a few KiB; a huge body is refused before it is parsed,
        // so no endpoint can hold a worker in a parse past its job deadline.
        guard body.count <= maxReplyBytes else {
            throw .invalidResponse(
                model: model, message: "a reply of \(body.count) bytes is over the \(maxReplyBytes)-byte limit")
        }
        let response: ChatCompletionResponse
        do {
            response = try JSONDecoder().decode(ChatCompletionResponse.self, from: body)
        } catch {
            throw .invalidResponse(model: model, message: "body is not a chat completion (\(body.count) bytes)")
        }
        guard let choice = response.choices?.first else {
            throw .invalidResponse(model: model, message: "no choices")
        }
        guard let content = choice.message?.content else {
            throw .invalidResponse(model: model, message: "first choice has no message content")
        }
        let answeredModel = response.model.flatMap { $0.isEmpty ? nil : $0 } ?? model
        return ChatReply(
            content: content, model: answeredModel, promptTokens: response.usage?.promptTokens ?? 0,
            completionTokens: response.usage?.completionTokens ?? 0, latencySeconds: latencySeconds,
            fromCache: fromCache)
    }
}
