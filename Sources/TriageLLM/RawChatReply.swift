import TriageCore

/// A reply together with the exact response body it was read from.
public struct RawChatReply: Sendable, Hashable {
    /// The decoded reply.
    public var reply: ChatReply
    /// The response body as received (JSON), for the response cache.
    public var body: String

    /// Creates a raw reply.
    public init(reply: ChatReply, body: String) {
        self.reply = reply
        self.body = body
    }
}

/// A ``ChatClient`` that can also hand back the raw response body, so a cache stores exactly what the
/// endpoint sent (model name and token usage included).
public protocol RawChatClient: ChatClient {
    /// Sends a request and returns the reply with its raw body.
    func completeRaw(_ request: ChatRequest) async throws(ChatError) -> RawChatReply
}
