import ArgumentParser
import Foundation
import TriageCore
import TriageLLM
import TriageStore
import TriageWorker

/// The LLM endpoint and prompts, from flags and `TRIAGE_LLM_*` environment variables.
struct LLMOptions: ParsableArguments {
    @Flag(name: .customLong("no-llm"), help: "Deterministic path only: no model calls.")
    var noLLM = false

    @Option(help: "Seconds before an LLM call times out.")
    var llmTimeout: Double = 60

    @Option(help: "Attempts per LLM call (connection errors, 408, 429, 5xx).")
    var llmAttempts = 3

    @Option(help: "Response cache: live, record, replay, read-through.")
    var cache: CacheMode = .record

    @Option(help: "Prompts folder (default: $TRIAGE_PROMPTS, ./prompts if present, else the built-in prompts).")
    var prompts: String?

    /// Where the prompts come from, after defaults.
    var promptsOrigin: ConfigurationOrigin { PromptOptions.origin(flag: prompts) }

    /// The suggestion engine and a description of the model behind it.
    func engine(
        reference: any WorkerReference, cache responses: any ResponseCache, concurrency: Int
    ) throws -> (maker: SuggestionEngine, modelDescription: String) {
        let library = try PromptOptions.load(promptsOrigin)
        guard !noLLM else {
            return (SuggestionEngine(reference: reference, chat: nil, prompts: library), "none (--no-llm)")
        }
        let configuration = try configuration(concurrency: concurrency)
        let client = OpenAIChatClient(configuration: configuration)
        let chat = CachingChatClient(inner: client, cache: responses, mode: cache)
        let engine = SuggestionEngine(reference: reference, chat: chat, prompts: library)
        return (engine, "\(configuration.model) at \(configuration.baseURL.absoluteString)")
    }

    /// The endpoint from `TRIAGE_LLM_*` with these flags' time-out and attempts.
    func configuration(concurrency: Int) throws -> LLMConfiguration {
        try LLMConfiguration(
            environment: ProcessInfo.processInfo.environment, timeoutSeconds: llmTimeout, maxAttempts: llmAttempts,
            concurrencyLimit: concurrency)
    }
}

extension CacheMode: ExpressibleByArgument {}

/// Resolves and loads the prompts: `--prompts`, `$TRIAGE_PROMPTS`, `./prompts`, else the built-in prompts.
enum PromptOptions {
    static func origin(flag: String?) -> ConfigurationOrigin {
        .resolve(
            flag: flag, variable: "TRIAGE_PROMPTS", environment: ProcessInfo.processInfo.environment,
            defaultName: "prompts")
    }

    static func load(_ origin: ConfigurationOrigin) throws -> PromptLibrary {
        do {
            return try PromptLibrary.load(from: origin)
        } catch {
            throw CLIError.badInput("cannot load prompts from \(origin): \(error)")
        }
    }
}

/// Checks that the configured LLM endpoint answers before the demo relies on it.
enum LLMProbe {
    static func requireReachable() async throws {
        let configuration = try LLMConfiguration(environment: ProcessInfo.processInfo.environment)
        do {
            try await EndpointProbe(configuration: configuration).check()
        } catch {
            throw CLIError(
                "the LLM endpoint at \(configuration.baseURL.absoluteString) does not answer (\(error.reason)). Start the "
                    + "local one with `\(LocalLLMHint.startCommand)`, point TRIAGE_LLM_BASE_URL at another, or pass --no-llm "
                    + "for the deterministic path only.")
        }
    }
}
