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

    @Option(help: "Prompts folder (default: $TRIAGE_PROMPTS or ./prompts).")
    var prompts: String?

    var promptsPath: String { prompts ?? ProcessInfo.processInfo.environment["TRIAGE_PROMPTS"] ?? "prompts" }

    /// The suggestion engine and a description of the model behind it.
    func engine(database: AppDatabase, concurrency: Int) throws -> (maker: SuggestionEngine, modelDescription: String) {
        let library: PromptLibrary
        do {
            library = try PromptLibrary.load(directory: URL(fileURLWithPath: promptsPath))
        } catch {
            throw CLIError("cannot load prompts from \(promptsPath): \(error)")
        }
        guard !noLLM else {
            return (SuggestionEngine(reference: database, chat: nil, prompts: library), "none (--no-llm)")
        }
        var configuration = try LLMConfiguration(environment: ProcessInfo.processInfo.environment)
        configuration.timeout = .milliseconds(Int(llmTimeout * 1000))
        configuration.maxAttempts = llmAttempts
        configuration.concurrencyLimit = concurrency
        let client = OpenAIChatClient(configuration: configuration)
        let chat = CachingChatClient(inner: client, cache: database, mode: cache)
        let engine = SuggestionEngine(reference: database, chat: chat, prompts: library)
        return (engine, "\(configuration.model) at \(configuration.baseURL.absoluteString)")
    }
}

extension CacheMode: ExpressibleByArgument {}
extension SuggestionEngine: SuggestionMaking {}
