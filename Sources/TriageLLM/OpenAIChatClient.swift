import Foundation
import Logging
import TriageCore

/// A ``ChatClient`` for OpenAI-compatible `POST {base}/chat/completions` endpoints (OpenAI, llama-server,
/// vLLM, Ollama) with JSON-schema replies, retries with backoff and `Retry-After`, per-attempt time-outs
/// and a per-endpoint concurrency limit.
public struct OpenAIChatClient: RawChatClient {
    /// Waits for a delay; injected so tests record backoffs instead of waiting them out.
    public typealias Sleep = @Sendable (Duration) async throws -> Void

    /// The model name requests are sent for.
    public var model: String { configuration.model }
    /// The settings this client was built with.
    public let configuration: LLMConfiguration

    let transport: any HTTPTransport
    let limiter: ConcurrencyLimiter
    let policy: RetryPolicy
    let logger: Logger
    let sleep: Sleep
    let jitter: @Sendable () -> Double
    let now: @Sendable () -> Date

    /// Creates a client. One client per endpoint: its concurrency limit covers every call made through it.
    ///
    /// - Parameters:
    ///   - sleep: waits between attempts (default `Task.sleep`).
    ///   - jitter: draws in `0...1` for full-jitter backoff (default uniform random).
    ///   - now: the wall clock, for `Retry-After` HTTP-dates.
    public init(
        configuration: LLMConfiguration,
        transport: any HTTPTransport = CurlTransport(),
        logger: Logger = Logger(label: "triage.llm"),
        sleep: @escaping Sleep = { try await Task.sleep(for: $0) },
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0...1) },
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.transport = transport
        self.limiter = ConcurrencyLimiter(limit: configuration.concurrencyLimit)
        self.policy = configuration.retryPolicy
        self.logger = logger
        self.sleep = sleep
        self.jitter = jitter
        self.now = now
    }

    /// Sends a request and returns the reply, retrying what is retryable.
    public func complete(_ request: ChatRequest) async throws(ChatError) -> ChatReply {
        try await completeRaw(request).reply
    }

    /// Sends a request and returns the reply with the raw response body.
    public func completeRaw(_ request: ChatRequest) async throws(ChatError) -> RawChatReply {
        let clock = ContinuousClock()
        let start = clock.now
        let chatReply: ChatReply
        let reply: HTTPReply
        do {
            reply = try await send(makePost(for: request))
            chatReply = try ChatCompletionResponse.reply(
                from: reply.body, model: model, latencySeconds: (clock.now - start).seconds, fromCache: false)
        } catch {
            LLMCallMetrics.failed(error, model: model, after: clock.now - start)
            throw error
        }
        let latency = chatReply.latencySeconds
        LLMCallMetrics.succeeded(chatReply, after: clock.now - start)
        logger.debug(
            "llm call finished",
            metadata: [
                "status": "\(reply.status)", "latency_ms": "\(Int(latency * 1000))",
                "prompt_tokens": "\(chatReply.promptTokens)", "completion_tokens": "\(chatReply.completionTokens)",
            ])
        return RawChatReply(reply: chatReply, body: String(decoding: reply.body, as: UTF8.self))
    }

    /// The HTTP request for a chat request; the key goes into the `Authorization` header only.
    func makePost(for request: ChatRequest) -> HTTPPost {
        var headers = configuration.authorizationHeaders
        headers["Content-Type"] = "application/json"
        headers["Accept"] = "application/json"
        let body = ChatRequestBody(model: model, request: request)
        return HTTPPost(
            url: configuration.completionsURL, headers: headers, body: body.data, timeout: configuration.timeout)
    }
}
