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

    /// Drains the sample of each task, then prints the pre-filled cards and what is still queued. Returns the jobs
    /// that went dead (ran out of attempts): the demo exits 1 when there are any.
    @discardableResult
    public func run() async throws -> Int {
        print("\nAI worker: a sample of \(perTask) job(s) per task through \(modelDescription)"
            + (noLLM ? "" : ", and a few more of a task until the model has worked on one of its cards"))
        var done: [String: Int] = [:]
        var dead = 0
        for task in AITask.allCases {
            let summary = try await drain(task)
            done[task.rawValue] = summary.done
            dead += summary.dead
            if WorkerReport.isTerminal { print("") }
            let asked = noLLM ? "" : ", the model asked on \(try modelCards(task)) (the checks decided the rest)"
            print("  \(task.rawValue): \(summary.done) card(s) pre-filled, \(summary.dead) dead\(asked)")
        }
        try printCards()
        let counts = try await database.jobCounts()
        let total = done.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("pre-filled in this run: \(total); dead: \(dead)")
        print("\n\(counts[.queued] ?? 0) unstructured exceptions still queued. Drain the rest with:")
        print("  " + Self.drainCommand(dbPath: dbPath, noLLM: noLLM))
        if dead > 0 {
            print("\(dead) job(s) went dead (out of attempts): their cards wait for a person; the worker log above "
                + "names each error, and `triage status --db \(dbPath)` counts them")
        }
        return dead
    }

    /// The task's sample, then (with a model) one more job at a time until a card shows the model at work: the model
    /// is asked only where the checks leave something open, so a small sample may never reach it.
    private func drain(_ task: AITask) async throws -> WorkerRunSummary {
        let configuration = WorkerConfiguration(
            concurrency: 2, owner: "demo-\(getpid())", retry: .init(maxAttempts: 2), limit: perTask, once: true,
            task: task)
        var summary = try await QueueWorker(queue: database, engine: engine, configuration: configuration)
            .run(progress: WorkerReport.progress)
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
        return summary
    }

    /// The command that drains the rest of the queue, keeping `--no-llm` when the demo ran without a model.
    public static func drainCommand(dbPath: String, noLLM: Bool) -> String {
        "triage worker --db \(dbPath) --once --concurrency 2" + (noLLM ? " --no-llm" : "")
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
        var rows: [[String]] = []
        var shown: [String: Int] = [:]
        for stored in cards.reversed() {
            let task = stored.card.details["ai_task"]?.text ?? stored.card.kind.rawValue
            // Every card the model worked on, and the task's first few that the checks decided alone.
            guard stored.model != nil || shown[task, default: 0] < self.perTask else { continue }
            shown[task, default: 0] += 1
            let action = stored.suggestion?["action"]?.text ?? "none"
            rows.append([
                "\(stored.id)", stored.card.kind.rawValue, action, stored.confidence?.rawValue ?? "-",
                stored.model ?? "-", String((stored.promptVersion ?? "-").prefix(12)),
            ])
        }
        print("\nCards pre-filled by the AI worker (each one the model worked on, and the first \(perTask) per task the checks decided):")
        print(TextTable.render(header: ["card", "kind", "suggested", "confidence", "model", "prompt version"], rows: rows), terminator: "")
    }
}
