import Foundation
import TriageCore
import TriageStore
import TriageWorker

/// Reference data, prompts and record builders for worker tests: a real in-memory SQLite store.
enum TestWorld {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repo = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// A copy of ../shared/contract-suite kept in the repo, so a fresh clone tests without shared/ beside it.
    static let contractSuite = repo.appendingPathComponent("eval/contract-suite")
    static let fixtures = here.deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let prompts = repo.appendingPathComponent("prompts")

    /// A store loaded with the contract suite's fixtures plus this target's own.
    static func database(contractOnly: Bool = false) throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        let loader = ReferenceLoader(database: database)
        _ = try loader.load(directory: contractSuite.appendingPathComponent("fixtures"))
        if !contractOnly { _ = try loader.load(directory: fixtures) }
        return database
    }

    static func library() throws -> PromptLibrary {
        try PromptLibrary.load(directory: prompts)
    }

    static func engine(chat: (any ChatClient)? = nil, contractOnly: Bool = false) throws -> SuggestionEngine {
        SuggestionEngine(reference: try database(contractOnly: contractOnly), chat: chat, prompts: try library())
    }

    /// An exception record shaped as the eval harness shapes a case's input: `text` apart, the rest as payload.
    static func record(_ kind: ExceptionKind, _ input: [String: JSONValue]) -> ExceptionRecord {
        var payload = input
        let text = payload.removeValue(forKey: "text")?.text ?? payload.removeValue(forKey: "body")?.text
        let exception = NewException(
            source: "test", eventID: UUID().uuidString, kind: kind, occurredAt: Date(timeIntervalSince1970: 1_790_000_000),
            text: text, payload: payload)
        return ExceptionRecord(id: 1, exception: exception, receivedAt: exception.occurredAt)
    }

    /// The cases of one contract-suite file.
    static func contractCases(_ file: String) throws -> [[String: JSONValue]] {
        let data = try String(contentsOf: contractSuite.appendingPathComponent("cases/\(file)"), encoding: .utf8)
        return try data.split(separator: "\n").map { line in
            try JSONDecoder().decode([String: JSONValue].self, from: Data(line.utf8))
        }
    }
}

extension Suggestion {
    /// A parameter as text, nil for null or absent.
    func text(_ key: String) -> String? { parameters[key]?.text }
}
