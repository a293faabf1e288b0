import Crypto
import Foundation
import TriageCore

/// The JSON body of `POST /chat/completions` for a ``ChatRequest``, in canonical form.
///
/// The same bytes are sent to the endpoint and hashed for the response cache, so the worker, the eval
/// harness and the cache always agree on what "the same request" is.
public struct ChatRequestBody: Sendable, Hashable {
    /// The body as a JSON value.
    public let json: JSONValue

    /// Builds the body: model, messages, temperature, `max_tokens` and a strict `json_schema`
    /// `response_format` (the nested form OpenAI, llama-server, vLLM and Ollama read).
    public init(model: String, request: ChatRequest) {
        let messages = request.messages.map { message -> JSONValue in
            ["role": .string(message.role), "content": .string(message.content)]
        }
        let schema: JSONValue = [
            "name": .string(request.schemaName), "strict": true, "schema": request.schema,
        ]
        self.json = [
            "model": .string(model),
            "messages": .array(messages),
            "temperature": .number(request.temperature),
            "max_tokens": .number(Double(request.maxTokens)),
            "response_format": ["type": "json_schema", "json_schema": schema],
        ]
    }

    /// The canonical JSON text: sorted keys, no whitespace.
    public var text: String { CanonicalJSON.string(json) }

    /// The canonical JSON as UTF-8 bytes, ready to send.
    public var data: Data { Data(text.utf8) }

    /// The response-cache key: lower-case hex SHA-256 of `model + "\n" + canonical body`.
    public static func cacheKey(model: String, request: ChatRequest) -> String {
        let body = ChatRequestBody(model: model, request: request)
        let digest = SHA256.hash(data: Data((model + "\n" + body.text).utf8))
        return Hex.string(digest)
    }
}
