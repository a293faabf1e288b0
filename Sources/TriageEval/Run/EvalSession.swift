import Foundation
import TriageCore

/// A whole `eval run`: every suite with the model and with the deterministic path alone, side by side.
public struct EvalSession: Sendable {
    /// The runner that executes each run.
    public var runner: EvalRunner
    /// The model client; nil runs `--no-llm` only.
    public var chat: (any ChatClient)?
    /// Only cases carrying every one of these tags.
    public var tags: [String]
    /// At most this many cases per suite.
    public var limit: Int?
    /// A fixed sample of this many cases per suite (``CaseSample``); nil for every case.
    public var sample: Int?
    /// How replies are obtained, for the report: live, record, replay or none.
    public var llmMode: String

    /// Creates a session.
    public init(
        runner: EvalRunner, chat: (any ChatClient)?, tags: [String] = [], limit: Int? = nil, sample: Int? = nil,
        llmMode: String
    ) {
        self.runner = runner
        self.chat = chat
        self.tags = tags
        self.limit = limit
        self.sample = sample
        self.llmMode = chat == nil ? "none" : llmMode
    }

    /// Runs every suite and returns the report.
    public func run(_ suites: [Suite]) async throws -> EvalReport {
        var reports: [SuiteReport] = []
        for suite in suites {
            let cases = suite.selecting(tags: tags, limit: limit, sample: sample)
            var runs: [RunReport] = []
            if let chat { runs.append(try await runner.run(suite, cases: cases, chat: chat)) }
            runs.append(try await runner.run(suite, cases: cases, chat: nil))
            reports.append(SuiteReport(name: suite.name, task: suite.task, manifest: suite.manifest.path, runs: runs))
        }
        return EvalReport(llmMode: llmMode, requestedModel: chat?.model, suites: reports, sample: sample)
    }
}
