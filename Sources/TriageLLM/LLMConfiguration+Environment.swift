import Foundation

/// Why an LLM configuration could not be built.
public enum LLMConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `TRIAGE_LLM_BASE_URL` is not an absolute http(s) URL.
    case invalidBaseURL(String)

    /// A message for the command line; shows the rejected value, which is never a secret.
    public var description: String {
        switch self {
        case .invalidBaseURL(let value): "TRIAGE_LLM_BASE_URL is not an http(s) URL: \(value.prefix(200))"
        }
    }
}

extension LLMConfiguration {
    /// The environment variable naming the API root.
    public static let baseURLVariable = "TRIAGE_LLM_BASE_URL"
    /// The environment variable naming the model.
    public static let modelVariable = "TRIAGE_LLM_MODEL"
    /// The environment variable holding the API key.
    public static let apiKeyVariable = "TRIAGE_LLM_API_KEY"

    /// Creates a configuration from environment variables; missing or empty ones keep their defaults.
    ///
    /// Pure: the executable passes `ProcessInfo.processInfo.environment`.
    public init(environment: [String: String]) throws(LLMConfigurationError) {
        self.init()
        if let text = Self.value(Self.baseURLVariable, in: environment) {
            self.baseURL = try Self.parseBaseURL(text)
        }
        if let model = Self.value(Self.modelVariable, in: environment) {
            self.model = model
        }
        self.apiKey = Self.value(Self.apiKeyVariable, in: environment)
    }

    private static func value(_ name: String, in environment: [String: String]) -> String? {
        guard let raw = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else {
            return nil
        }
        return raw
    }

    private static func parseBaseURL(_ text: String) throws(LLMConfigurationError) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host?.isEmpty == false
        else {
            throw .invalidBaseURL(text)
        }
        return url
    }
}
