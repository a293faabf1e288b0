import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TriageCore
import TriageStore
import TriageWorker

/// The demo's last stage: a bounded sample of each AI task drained through the real LLM endpoint.
struct DemoWorkerStage {
    let database: AppDatabase
    let llm: LLMOptions
    let perTask: Int
    let dbPath: String

    func run() async throws {
        if !llm.noLLM { try await LLMProbe.requireReachable() }
        let engine = try llm.engine(database: database, concurrency: 2)
        print("\nAI worker: \(perTask) job(s) per task through \(engine.modelDescription)")
        for task in AITask.allCases {
            let configuration = WorkerConfiguration(
                concurrency: 2, owner: "demo-\(getpid())", retry: .init(maxAttempts: 2), limit: perTask, once: true,
                task: task)
            let worker = QueueWorker(queue: database, engine: engine.maker, configuration: configuration)
            let summary = try await worker.run(progress: WorkerReport.progress)
            if isTerminal { print("") }
            print("  \(task.rawValue): \(summary.done) card(s) pre-filled, \(summary.dead) dead")
        }
        try printCards()
        let counts = try database.jobCounts()
        print("\n\(counts[.queued] ?? 0) unstructured exceptions still queued. Drain the rest with:")
        print("  triage worker --db \(dbPath) --once --concurrency 2")
    }

    private func printCards() throws {
        let cards = try database.cards(statuses: [.open], limit: 100_000).filter { $0.suggestion != nil || $0.card.flags.contains("worker_failed") }
        var perTask: [String: Int] = [:]
        var rows: [[String]] = []
        for stored in cards.reversed() {
            perTask[stored.card.details["ai_task"]?.text ?? stored.card.kind.rawValue, default: 0] += 1
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

/// Checks that the configured LLM endpoint answers before the demo relies on it.
enum LLMProbe {
    static func requireReachable() async throws {
        let base = ProcessInfo.processInfo.environment["TRIAGE_LLM_BASE_URL"] ?? "http://127.0.0.1:8088/v1"
        guard let url = URL(string: base + "/models") else { throw CLIError("TRIAGE_LLM_BASE_URL is not a URL: \(base)") }
        var request = URLRequest(url: url, timeoutInterval: 5)
        if let key = ProcessInfo.processInfo.environment["TRIAGE_LLM_API_KEY"], !key.isEmpty {
            request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
        }
        do {
            let (_, response) = try await URLSession.shared.data(for: request)
            guard (response as? HTTPURLResponse)?.statusCode == 200 else { throw URLError(.badServerResponse) }
        } catch {
            throw CLIError(
                "the LLM endpoint at \(base) does not answer. Start the local one with `scripts/local-llm start`, "
                    + "point TRIAGE_LLM_BASE_URL at another, or pass --no-llm for the deterministic path only.")
        }
    }
}
