import Foundation
import TriageCore
@testable import TriageEval
import TriageEvalStore
import TriageStore
import TriageWorker

/// Paths and helpers shared by the eval tests.
enum EvalWorld {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repo = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// A copy of ../shared/contract-suite kept in the repo, so a fresh clone tests without shared/ beside it.
    static let contractSuite = repo.appendingPathComponent("eval/contract-suite")
    static let prompts = repo.appendingPathComponent("prompts")

    static func runner(prompts folder: URL = prompts) throws -> EvalRunner {
        EvalRunner(makeWorld: StoreSuiteWorld.make, prompts: try PromptLibrary.load(directory: folder), concurrency: 2)
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to `name` inside `folder`, creating subfolders.
    @discardableResult
    static func write(_ text: String, _ name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }
}

/// A case result for metric tests.
func result(
    _ id: String, expected: [String: JSONValue], prediction: [String: JSONValue], task: AITask,
    confidence: Confidence = .medium, candidates: [String] = [], error: String? = nil, latencyMs: Double = 10
) -> CaseResult {
    let verdicts = error == nil ? CaseScorer.verdicts(task: task, expected: expected, prediction: prediction) : [:]
    return CaseResult(
        id: id, tags: [], expected: expected, prediction: error == nil ? prediction : [:], verdicts: verdicts,
        correct: error == nil && CaseScorer.allRight(verdicts), confidence: error == nil ? confidence : nil,
        candidates: candidates,
        flags: [], model: nil, promptVersion: nil, promptTokens: 0, completionTokens: 0, latencyMs: latencyMs,
        error: error)
}
