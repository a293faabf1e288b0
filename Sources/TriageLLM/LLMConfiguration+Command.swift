import Foundation

extension LLMConfiguration {
    /// The endpoint named in `environment` (`TRIAGE_LLM_*`) with a command's time-out, attempts and concurrency:
    /// how every command that calls the model builds its configuration.
    public init(
        environment: [String: String], timeoutSeconds: Double, maxAttempts: Int, concurrencyLimit: Int
    ) throws(LLMConfigurationError) {
        try self.init(environment: environment)
        self.timeout = .milliseconds(Int(timeoutSeconds * 1000))
        self.maxAttempts = maxAttempts
        self.concurrencyLimit = concurrencyLimit
    }
}
