import Foundation

/// One message of a chat-completions conversation.
public struct ChatMessage: Sendable, Hashable, Codable {
    /// `system`, `user` or `assistant`.
    public var role: String
    /// The message text.
    public var content: String

    /// Creates a message.
    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}

/// A chat-completions request with a JSON-schema-constrained reply.
public struct ChatRequest: Sendable, Hashable {
    /// The conversation.
    public var messages: [ChatMessage]
    /// A name for the reply schema (`response_format.json_schema.name`).
    public var schemaName: String
    /// The JSON schema the reply must follow.
    public var schema: JSONValue
    /// The most tokens the reply may use.
    public var maxTokens: Int
    /// Sampling temperature; 0 for repeatable answers.
    public var temperature: Double

    /// Creates a request.
    public init(messages: [ChatMessage], schemaName: String, schema: JSONValue, maxTokens: Int, temperature: Double = 0)
    {
        self.messages = messages
        self.schemaName = schemaName
        self.schema = schema
        self.maxTokens = maxTokens
        self.temperature = temperature
    }
}

/// A chat-completions reply.
public struct ChatReply: Sendable, Hashable {
    /// The assistant's message text (JSON when a schema was given).
    public var content: String
    /// The model that answered, as the endpoint named it.
    public var model: String
    /// Tokens in the prompt.
    public var promptTokens: Int
    /// Tokens in the reply.
    public var completionTokens: Int
    /// Wall time of the call, including retries.
    public var latencySeconds: Double
    /// True when the reply came from the response cache.
    public var fromCache: Bool

    /// Creates a reply.
    public init(
        content: String, model: String, promptTokens: Int = 0, completionTokens: Int = 0, latencySeconds: Double = 0,
        fromCache: Bool = false
    ) {
        self.content = content
        self.model = model
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.latencySeconds = latencySeconds
        self.fromCache = fromCache
    }
}

/// Why a chat call failed. Never carries prompt text or credentials.
public enum ChatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No reply within the timeout.
    case timeout(model: String, seconds: Double)
    /// The endpoint could not be reached or closed the connection.
    case transport(model: String, message: String)
    /// The endpoint answered with an HTTP error status after all retries.
    case http(model: String, status: Int)
    /// The endpoint answered 2xx with a body that is not a chat completion.
    case invalidResponse(model: String, message: String)
    /// `--replay` found no stored response for this request.
    case cacheMiss(model: String, key: String)

    /// True when retrying the same request later may succeed. An invalid 2xx body is retried too: an endpoint
    /// that garbled one reply (a proxy page, a truncated body) often answers the next one properly.
    public var isRetryable: Bool {
        switch self {
        case .timeout, .transport, .invalidResponse: true
        case .http(_, let status): status == 408 || status == 429 || status >= 500
        case .cacheMiss: false
        }
    }

    public var description: String {
        switch self {
        case .timeout(let model, let seconds): "LLM call to \(model) timed out after \(seconds) s"
        case .transport(let model, let message): "LLM endpoint for \(model) unreachable: \(message)"
        case .http(let model, let status): "LLM endpoint for \(model) answered HTTP \(status)"
        case .invalidResponse(let model, let message): "LLM endpoint for \(model) sent an invalid response: \(message)"
        case .cacheMiss(let model, let key): "no recorded response for \(model) (key \(key.prefix(12)))"
        }
    }
}

/// A chat-completions endpoint.
public protocol ChatClient: Sendable {
    /// The model name requests are sent for.
    var model: String { get }
    /// Sends a request and returns the reply, retrying what is retryable.
    func complete(_ request: ChatRequest) async throws(ChatError) -> ChatReply
}

/// Stored LLM responses keyed by SHA-256 of model + request body.
public protocol ResponseCache: Sendable {
    /// The stored response body for a key.
    func response(forKey key: String) async throws -> String?
    /// Stores a response body under a key.
    func store(response: String, forKey key: String, model: String) async throws
}
