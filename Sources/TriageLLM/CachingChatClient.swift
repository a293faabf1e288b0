import Foundation
import Logging
import TriageCore

/// A ``ChatClient`` that answers from a ``ResponseCache`` according to a ``CacheMode``.
///
/// Entries are keyed by ``ChatRequestBody/cacheKey(model:request:)`` and hold the endpoint's raw response
/// body, so a replayed reply keeps the model name and token usage. Replayed replies have `fromCache` set.
public struct CachingChatClient: ChatClient {
    /// The wrapped client.
    public let inner: any ChatClient
    /// The response store.
    public let cache: any ResponseCache
    /// How the cache is used.
    public let mode: CacheMode
    let logger: Logger

    /// The model name requests are sent for: the wrapped client's.
    public var model: String { inner.model }

    /// Wraps `inner`, using `cache` as `mode` says.
    public init(
        inner: any ChatClient, cache: any ResponseCache, mode: CacheMode,
        logger: Logger = Logger(label: "triage.llm.cache")
    ) {
        self.inner = inner
        self.cache = cache
        self.mode = mode
        self.logger = logger
    }

    /// Answers from the cache or the wrapped client, as the mode says.
    public func complete(_ request: ChatRequest) async throws(ChatError) -> ChatReply {
        let key = ChatRequestBody.cacheKey(model: model, request: request)
        switch mode {
        case .live:
            return try await inner.complete(request)
        case .record:
            return try await callAndStore(request, key: key)
        case .replay:
            guard let reply = try await cached(key: key, strict: true) else { throw .cacheMiss(model: model, key: key) }
            return reply
        case .readThrough:
            if let reply = try await cached(key: key, strict: false) { return reply }
            return try await callAndStore(request, key: key)
        }
    }

    /// The cached reply for `key`, or nil on a miss. A read failure counts as a miss; an unreadable entry
    /// is an error only when `strict` (replay), otherwise it is replaced by a fresh call.
    private func cached(key: String, strict: Bool) async throws(ChatError) -> ChatReply? {
        let clock = ContinuousClock()
        let start = clock.now
        let body: String?
        do {
            body = try await cache.response(forKey: key)
        } catch {
            logger.error("llm cache read failed", metadata: ["key": "\(key.prefix(12))"])
            return nil
        }
        guard let body else { return nil }
        do {
            let latency = (clock.now - start).seconds
            return try ChatCompletionResponse.reply(
                from: Data(body.utf8), model: model, latencySeconds: latency, fromCache: true)
        } catch {
            logger.warning("llm cache entry unreadable", metadata: ["key": "\(key.prefix(12))"])
            if strict { throw error }
            return nil
        }
    }

    /// Calls the wrapped client and stores the response; a failed store is logged, not thrown, because the
    /// reply itself is good.
    private func callAndStore(_ request: ChatRequest, key: String) async throws(ChatError) -> ChatReply {
        let raw = try await rawReply(request)
        do {
            try await cache.store(response: raw.body, forKey: key, model: model)
        } catch {
            logger.error("llm cache write failed", metadata: ["key": "\(key.prefix(12))"])
        }
        return raw.reply
    }

    /// The wrapped client's raw body when it can give one, else an OpenAI-shaped body rebuilt from the reply.
    private func rawReply(_ request: ChatRequest) async throws(ChatError) -> RawChatReply {
        if let rawClient = inner as? any RawChatClient {
            return try await rawClient.completeRaw(request)
        }
        let reply = try await inner.complete(request)
        return RawChatReply(reply: reply, body: Self.synthesizedBody(for: reply))
    }

    /// A minimal chat-completions body carrying the reply's content, model and token usage.
    static func synthesizedBody(for reply: ChatReply) -> String {
        let body: JSONValue = [
            "object": "chat.completion",
            "model": .string(reply.model),
            "choices": [["index": 0, "message": ["role": "assistant", "content": .string(reply.content)]]],
            "usage": [
                "prompt_tokens": .number(Double(reply.promptTokens)),
                "completion_tokens": .number(Double(reply.completionTokens)),
                "total_tokens": .number(Double(reply.promptTokens + reply.completionTokens)),
            ],
        ]
        return CanonicalJSON.string(body)
    }
}
