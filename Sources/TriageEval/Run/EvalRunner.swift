import Foundation
import TriageCore
import TriageWorker

/// Runs suites through the production worker code — the same `SuggestionEngine` the AI queue drains with — and
/// scores the answers. Nothing here decides a case: it only stores the input, asks the engine and compares.
public struct EvalRunner: Sendable {
    /// Reports progress: cases done (0 as a run starts) and total, for one run.
    public typealias Progress = @Sendable (_ suite: String, _ variant: RunVariant, _ done: Int, _ total: Int) -> Void

    let makeWorld: SuiteWorldFactory
    let prompts: PromptLibrary
    let concurrency: Int
    let progress: Progress?

    /// Creates a runner; `concurrency` cases are in flight at once.
    public init(makeWorld: @escaping SuiteWorldFactory, prompts: PromptLibrary, concurrency: Int = 2, progress: Progress? = nil) {
        self.makeWorld = makeWorld
        self.prompts = prompts
        self.concurrency = max(1, concurrency)
        self.progress = progress
    }

    /// Runs `cases` of `suite` in a fresh world; `chat == nil` is the deterministic path alone.
    public func run(_ suite: Suite, cases: [EvalCase], chat: (any ChatClient)?) async throws -> RunReport {
        let world = try await makeWorld(suite)
        let engine = SuggestionEngine(reference: world.reference, chat: chat, prompts: prompts, now: CaseRecord.fixedDate)
        let variant: RunVariant = chat == nil ? .noLLM : .model
        var records: [ExceptionRecord] = []
        for entry in cases {
            let exception = CaseRecord.exception(for: entry)
            records.append(try await world.store(exception, receivedAt: exception.occurredAt))
        }
        var results = [CaseResult?](repeating: nil, count: cases.count)
        try await withThrowingTaskGroup(of: (Int, CaseResult).self) { group in
            var next = 0
            func launch() {
                guard next < cases.count else { return }
                let (index, entry, record) = (next, cases[next], records[next])
                group.addTask { (index, await Self.evaluate(entry, record: record, engine: engine)) }
                next += 1
            }
            progress?(suite.name, variant, 0, cases.count)
            for _ in 0..<concurrency { launch() }
            var done = 0
            while let (index, result) = try await group.next() {
                results[index] = result
                done += 1
                progress?(suite.name, variant, done, cases.count)
                launch()
            }
        }
        return RunReport(
            variant: variant, task: suite.task, suite: suite.name, promptVersion: prompts.version(of: suite.task),
            cases: results.compactMap { $0 })
    }

    /// One case through the engine; an endpoint error is recorded on the case, not thrown.
    static func evaluate(_ entry: EvalCase, record: ExceptionRecord, engine: SuggestionEngine) async -> CaseResult {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let suggestion = try await engine.suggest(for: record, task: entry.task)
            let elapsed = clock.now - start
            return result(entry, suggestion: suggestion, latencyMs: milliseconds(elapsed))
        } catch {
            return CaseResult(
                id: entry.id, tags: entry.tags, expected: entry.expected, prediction: [:], verdicts: [:],
                correct: false, confidence: nil, candidates: [], flags: [], model: nil, promptVersion: nil,
                promptTokens: 0, completionTokens: 0, latencyMs: milliseconds(clock.now - start),
                error: "case \(entry.id): \(error.description)")
        }
    }

    static func result(_ entry: EvalCase, suggestion: Suggestion, latencyMs: Double) -> CaseResult {
        let prediction = Prediction.from(suggestion, task: entry.task)
        let verdicts = CaseScorer.verdicts(task: entry.task, expected: entry.expected, prediction: prediction)
        return CaseResult(
            id: entry.id, tags: entry.tags, expected: entry.expected, prediction: prediction, verdicts: verdicts,
            correct: CaseScorer.allRight(verdicts), confidence: suggestion.confidence,
            candidates: suggestion.candidates.map(\.id), flags: suggestion.flags, model: suggestion.model,
            promptVersion: suggestion.promptVersion, promptTokens: suggestion.promptTokens,
            completionTokens: suggestion.completionTokens, latencyMs: latencyMs, error: nil, notes: suggestion.notes)
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return (Double(parts.seconds) * 1_000 + Double(parts.attoseconds) / 1e15).rounded()
    }
}
