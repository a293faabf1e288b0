import Foundation
import Testing
import TriageCore
import TriageStore
@testable import TriageWorker

/// Accuracy on a generated demo data set; runs only when `TRIAGE_DEMO_DIR` names a demo `data` folder.
/// `TRIAGE_LIVE_LLM` (a base URL) adds the live model; `TRIAGE_SAMPLE` caps the cases per task.
/// The generator's labels (`labels.jsonl`, apart from the exceptions) are read here only, never by the engine.
@Suite("Demo measurement", .timeLimit(.minutes(5)))
struct DemoMeasureTests {
    static let directory = ProcessInfo.processInfo.environment["TRIAGE_DEMO_DIR"]

    @Test("reports accuracy per task on the demo's unstructured exceptions", .enabled(if: directory != nil))
    func measure() async throws {
        let folder = URL(fileURLWithPath: Self.directory ?? "")
        let database = try AppDatabase.inMemory()
        _ = try ReferenceLoader(database: database).load(directory: folder)
        let environment = ProcessInfo.processInfo.environment
        let chat = environment["TRIAGE_LIVE_LLM"].flatMap(URL.init(string:)).map {
            LiveChat(base: $0, model: "gemma-3-270m-it-Q4_K_M")
        }
        let engine = SuggestionEngine(reference: database, chat: chat, prompts: try TestWorld.library())
        let limit = environment["TRIAGE_SAMPLE"].flatMap(Int.init) ?? Int.max
        let records = try ExceptionFileReader.read(contentsOf: folder.appendingPathComponent("exceptions.jsonl"))
            .exceptions.map(\.exception)
        let labelLines = try String(contentsOf: folder.appendingPathComponent("labels.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONCoding.decode(ExceptionLabel.self, from: String($0)) }
        let labels = Dictionary(labelLines.map { ("\($0.source)/\($0.eventID)", $0.values) }, uniquingKeysWith: { a, _ in a })
        var tally = Tally()
        for (task, kind) in [(AITask.returnMatch, ExceptionKind.returnRequest), (.invoice, .supplierInvoice), (.warranty, .warrantyClaim)] {
            let cases = records.filter { $0.kind == kind && (task != .returnMatch || $0.orderNumber == nil) }.prefix(limit)
            for exception in cases {
                let record = ExceptionRecord(id: 1, exception: exception, receivedAt: exception.occurredAt)
                let suggestion = try await engine.suggest(for: record, task: task)
                let truth = labels["\(exception.source)/\(exception.eventID)"] ?? [:]
                tally.score(task, labels: truth, suggestion: suggestion, text: exception.text)
            }
        }
        print(tally.report)
    }
}

/// Right/total per task and field.
struct Tally {
    var counts: [String: (right: Int, total: Int)] = [:]
    var misses: [String] = []

    mutating func add(_ key: String, _ right: Bool, detail: @autoclosure () -> String) {
        counts[key, default: (0, 0)].total += 1
        if right { counts[key, default: (0, 0)].right += 1 } else if misses.count < 400 { misses.append("\(key): \(detail())") }
    }

    mutating func score(_ task: AITask, labels: [String: JSONValue], suggestion: Suggestion, text: String?) {
        if suggestion.model != nil { counts["model.\(task.rawValue).called", default: (0, 0)].right += 1 }
        for flag in ["model_disagreed", "model_reply_invalid"] where suggestion.flags.contains(flag) {
            counts["model.\(task.rawValue).\(flag)", default: (0, 0)].right += 1
        }
        switch task {
        case .returnMatch:
            let truth = labels["order_id"]?.text
            add("return.order_id", suggestion.text("order_id") == truth,
                detail: "\(truth ?? "nil") got \(suggestion.text("order_id") ?? "nil") \(suggestion.candidates.prefix(2).map { "\($0.id) \($0.score) \($0.reasons)" })")
        case .invoice:
            let truth = labels["expected"]?.object ?? [:]
            for key in ["supplier", "invoice_number", "invoice_date", "total", "currency", "po_number", "action"] {
                let actual = key == "action" ? suggestion.action : suggestion.text(key)
                add("invoice.\(key)", actual == truth[key]?.text, detail: "\(truth[key]?.text ?? "nil") got \(actual ?? "nil") \(suggestion.notes)")
            }
        case .warranty:
            let truth = labels["expected"]?.object ?? [:]
            for key in ["action", "order_number", "order_ref"] {
                let actual = key == "action" ? suggestion.action : suggestion.text(key)
                add("warranty.\(key)", actual == truth[key]?.text, detail: "\(truth[key]?.text ?? "nil") got \(actual ?? "nil") \(suggestion.notes) | \(text?.prefix(160) ?? "")")
            }
        }
    }

    var report: String {
        let rows = counts.keys.sorted().map { key in
            let (right, total) = counts[key] ?? (0, 0)
            return "\(key): \(right)/\(total) = \(String(format: "%.1f", 100 * Double(right) / Double(max(total, 1)))) %"
        }
        return (rows + ["--- misses ---"] + misses).joined(separator: "\n")
    }
}
