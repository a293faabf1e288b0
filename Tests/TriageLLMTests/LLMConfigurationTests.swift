import Foundation
import Testing

@testable import TriageLLM

@Suite("LLMConfiguration")
struct LLMConfigurationTests {
    @Test func defaultsPointAtTheLocalLlamaServer() throws {
        let configuration = try LLMConfiguration(environment: [:])
        #expect(configuration.baseURL.absoluteString == "http://127.0.0.1:8088/v1")
        #expect(configuration.model == "gemma-3-270m-it-Q4_K_M")
        #expect(configuration.apiKey == nil)
        #expect(configuration.timeout == .seconds(60))
        #expect(configuration.maxAttempts == 4)
        #expect(configuration.baseBackoff == .milliseconds(500))
        #expect(configuration.maxBackoff == .seconds(20))
        #expect(configuration.concurrencyLimit == 2)
        #expect(configuration.completionsURL.absoluteString == "http://127.0.0.1:8088/v1/chat/completions")
    }

    @Test func environmentOverridesURLModelAndKey() throws {
        let configuration = try LLMConfiguration(environment: [
            "TRIAGE_LLM_BASE_URL": "https://llm.example.com/v1/", "TRIAGE_LLM_MODEL": "gpt-x",
            "TRIAGE_LLM_API_KEY": "sk-secret-123",
        ])
        #expect(configuration.completionsURL.absoluteString == "https://llm.example.com/v1/chat/completions")
        #expect(configuration.model == "gpt-x")
        #expect(configuration.apiKey == "sk-secret-123")
    }

    @Test func emptyValuesKeepTheDefaults() throws {
        let configuration = try LLMConfiguration(environment: [
            "TRIAGE_LLM_BASE_URL": "", "TRIAGE_LLM_MODEL": "  ", "TRIAGE_LLM_API_KEY": "",
        ])
        #expect(configuration == LLMConfiguration())
    }

    @Test(arguments: ["not a url", "ftp://host/v1", "/v1", "http://"])
    func invalidBaseURLIsRejected(value: String) {
        #expect(throws: LLMConfigurationError.invalidBaseURL(value)) {
            try LLMConfiguration(environment: ["TRIAGE_LLM_BASE_URL": value])
        }
    }

    @Test func descriptionsNeverShowTheKey() {
        let configuration = LLMConfiguration(apiKey: "sk-secret-123")
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [
            configuration.description, configuration.debugDescription, String(reflecting: configuration),
            "\(configuration)", dumped,
        ] {
            #expect(!text.contains("sk-secret-123"))
            #expect(text.contains("<redacted>"))
        }
    }

    @Test func limitsAreAtLeastOne() {
        let configuration = LLMConfiguration(maxAttempts: 0, concurrencyLimit: -3)
        #expect(configuration.maxAttempts == 1)
        #expect(configuration.concurrencyLimit == 1)
    }
}
