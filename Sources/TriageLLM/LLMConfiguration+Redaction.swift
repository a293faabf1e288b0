import Foundation

/// Descriptions that never show the API key, so a configuration can be logged or dumped safely.
extension LLMConfiguration: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The settings, with the API key shown only as set or not set.
    public var description: String {
        "LLMConfiguration(baseURL: \(baseURL.absoluteString), model: \(model), apiKey: \(redactedKey), "
            + "timeout: \(timeout), maxAttempts: \(maxAttempts), baseBackoff: \(baseBackoff), "
            + "maxBackoff: \(maxBackoff), maxRetryAfter: \(maxRetryAfter), concurrencyLimit: \(concurrencyLimit))"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror with the API key redacted, for `dump` and `String(reflecting:)`.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "baseURL": baseURL, "model": model, "apiKey": redactedKey, "timeout": timeout,
                "maxAttempts": maxAttempts, "baseBackoff": baseBackoff, "maxBackoff": maxBackoff,
                "maxRetryAfter": maxRetryAfter, "concurrencyLimit": concurrencyLimit,
            ],
            displayStyle: .struct)
    }

    private var redactedKey: String {
        apiKey == nil ? "none" : "<redacted>"
    }
}
