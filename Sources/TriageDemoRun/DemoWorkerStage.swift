import Foundation
import TriageCore
import TriageStore
import TriageWorker

/// The demo's last stage: a bounded sample of each AI task drained through the real LLM endpoint.
public struct DemoWorkerStage {
    let database: AppDatabase
    let engine: any SuggestionMaking
    let modelDescription: String
    let noLLM: Bool
    let perTask: Int
    let dbPath: String

    /// A stage that drains `perTask` jobs of each task through `engine` (described as `modelDescription`; `noLLM`
    /// when it calls no model) and names `dbPath` in its closing hint.
    public init(
        database: AppDatabase, engine: any SuggestionMaking, modelDescription: String, noLLM: Bool, perTask: Int,
        dbPath: String
    ) {
        self.database = database
        self.engine = engine
        self.modelDescription = modelDescription
        self.noLLM = noLLM
        self.perTask = perTask
        self.dbPath = dbPath
    }

    /// Drains the sample of each task, then prints the pre-filled cards and what is still queued.
    public func run() async throws {
        print("\nAI worker: \(perTask) job(s) per task through \(modelDescription)")
        for task in AITask.allCases {
            let configuration = WorkerConfiguration(
                concurrency: 2, owner: "demo-\(getpid())", retry: .init(maxAttempts: 2), limit: perTask, once: true,
                task: task)
            let worker = QueueWorker(queue: database, engine: engine, configuration: configuration)
            var summary = try await worker.run(progress: WorkerReport.progress)
            // The model is asked only where the checks leave something open, so a small sample may never reach it:
            // take a few more jobs of the task until one card shows the model at work.
            var extra = 0
            while !noLLM, try modelCards(task) == 0, extra < Self.showcaseJobs {
                var one = configuration
                one.limit = 1
                let more = try await QueueWorker(queue: database, engine: engine, configuration: one).run()
                guard more.done + more.dead > 0 else { break }
                summary.done += more.done
                summary.dead += more.dead
                extra += 1
            }
            if WorkerReport.isTerminal { print("") }
            let asked = noLLM ? "" : ", the model asked on \(try modelCards(task)) (the checks decided the rest)"
            print("  \(task.rawValue): \(summary.done) card(s) pre-filled, \(summary.dead) dead\(asked)")
        }
        try printCards()
        let counts = try await database.jobCounts()
        print("\n\(counts[.queued] ?? 0) unstructured exceptions still queued. Drain the rest with:")
        print("  triage worker --db \(dbPath) --once --concurrency 2")
    }

    /// How many more jobs of a task the demo takes to show one card the model worked on.
    static let showcaseJobs = 40

    /// Open cards of `task` whose suggestion names a model.
    private func modelCards(_ task: AITask) throws -> Int {
        try database.cards(statuses: [.open], limit: 100_000).filter { stored in
            stored.model != nil && stored.card.details["ai_task"]?.text == task.rawValue
        }.count
    }

    private func printCards() throws {
        let cards = try database.cards(statuses: [.open], limit: 100_000).filter { $0.suggestion != nil || $0.card.flags.contains("worker_failed") }
        var perTask: [String: Int] = [:]
        var rows: [[String]] = []
        var shown: [String: Int] = [:]
        for stored in cards.reversed() {
            let task = stored.card.details["ai_task"]?.text ?? stored.card.kind.rawValue
            perTask[task, default: 0] += 1
            // Every card the model worked on, and the task's first few that the checks decided alone.
            guard stored.model != nil || shown[task, default: 0] < self.perTask else { continue }
            shown[task, default: 0] += 1
            let action = stored.suggestion?["action"]?.text ?? "none"
            rows.append([
                "\(stored.id)", stored.card.kind.rawValue, action, stored.confidence?.rawValue ?? "-",
                stored.model ?? "-", String((stored.promptVersion ?? "-").prefix(12)),
            ])
        }
        print("\nCards pre-filled by the AI worker:")
        print(TextTable.render(header: ["card", "kind", "suggested", "confidence", "model", "prompt version"], rows: rows), terminator: "")
        let counts = perTask.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("cards per task: \(counts)")
    }
}
