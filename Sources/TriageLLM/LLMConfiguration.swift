import Foundation

/// Where and how to reach an OpenAI-compatible chat-completions endpoint.
///
/// Built once by the executable (from flags and ``init(environment:)``); nothing in this module reads
/// `ProcessInfo`. The API key never appears in ``description``, ``debugDescription`` or reflection.
public struct LLMConfiguration: Sendable, Hashable {
    /// The default endpoint: a local `llama-server`.
    public static let defaultBaseURL = URL(string: "http://127.0.0.1:8088/v1")!
    /// The default model: the bundled Gemma 3 270M.
    public static let defaultModel = "gemma-3-270m-it-Q4_K_M"

    /// The API root; requests go to `{baseURL}/chat/completions`.
    public var baseURL: URL
    /// The model name sent with every request.
    public var model: String
    /// A bearer token, when the endpoint needs one. Never logged.
    public var apiKey: String?
    /// The longest one attempt may take.
    public var timeout: Duration
    /// The most attempts per call, the first included.
    public var maxAttempts: Int
    /// The backoff ceiling before the first retry; it doubles with every retry.
    public var baseBackoff: Duration
    /// The largest backoff ceiling.
    public var maxBackoff: Duration
    /// The longest `Retry-After` the client honours; longer values are cut to this.
    public var maxRetryAfter: Duration
    /// The most calls in flight at once to this endpoint.
    public var concurrencyLimit: Int

    /// Creates a configuration; every value has a default.
    public init(
        baseURL: URL = LLMConfiguration.defaultBaseURL,
        model: String = LLMConfiguration.defaultModel,
        apiKey: String? = nil,
        timeout: Duration = .seconds(60),
        maxAttempts: Int = 4,
        baseBackoff: Duration = .milliseconds(500),
        maxBackoff: Duration = .seconds(20),
        maxRetryAfter: Duration = .seconds(60),
        concurrencyLimit: Int = 2
    ) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.timeout = timeout
        self.maxAttempts = max(1, maxAttempts)
        self.baseBackoff = baseBackoff
        self.maxBackoff = maxBackoff
        self.maxRetryAfter = maxRetryAfter
        self.concurrencyLimit = max(1, concurrencyLimit)
    }

    /// The chat-completions URL under ``baseURL``.
    public var completionsURL: URL {
        baseURL.appendingPathComponent("chat/completions")
    }

    /// The model-list URL under ``baseURL``: what a reachability probe asks for.
    public var modelsURL: URL {
        baseURL.appendingPathComponent("models")
    }

    /// The `Authorization` header when there is a key; the key travels here and nowhere else.
    public var authorizationHeaders: [String: String] {
        guard let apiKey, !apiKey.isEmpty else { return [:] }
        return ["Authorization": "Bearer \(apiKey)"]
    }

    /// The retry policy these settings describe.
    public var retryPolicy: RetryPolicy {
        RetryPolicy(
            maxAttempts: maxAttempts, baseBackoff: baseBackoff, maxBackoff: maxBackoff,
            maxRetryAfter: maxRetryAfter)
    }
}
