import Foundation
import Testing
import TriageCore
@testable import TriageWorker

@Suite("Contract suite, deterministic path", .timeLimit(.minutes(5)))
struct ContractSuiteTests {
    /// `TRIAGE_LIVE_LLM` (a base URL) runs the same cases with the live model behind the engine.
    static let live = ProcessInfo.processInfo.environment["TRIAGE_LIVE_LLM"].flatMap(URL.init(string:)).map {
        LiveChat(base: $0, model: "gemma-3-270m-it-Q4_K_M") as any ChatClient
    }

    @Test("every return case finds the labelled order or none")
    func returns() async throws {
        let engine = try TestWorld.engine(chat: Self.live, contractOnly: true)
        for entry in try TestWorld.contractCases("returns.jsonl") {
            let input = entry["input"]?.object ?? [:]
            let suggestion = try await engine.suggest(for: TestWorld.record(.returnRequest, input), task: .returnMatch)
            #expect(suggestion.text("order_id") == entry["expected"]?["order_id"]?.text, "\(entry["id"]?.text ?? "")")
        }
    }

    @Test("every invoice case has the labelled fields and action")
    func invoices() async throws {
        let engine = try TestWorld.engine(chat: Self.live, contractOnly: true)
        for entry in try TestWorld.contractCases("invoices.jsonl") {
            let suggestion = try await engine.suggest(
                for: TestWorld.record(.supplierInvoice, entry["input"]?.object ?? [:]), task: .invoice)
            for (key, value) in entry["expected"]?.object ?? [:] {
                let actual = key == "action" ? suggestion.action : suggestion.text(key)
                #expect(actual == value.text, "\(entry["id"]?.text ?? "") \(key)")
            }
        }
    }

    @Test("every warranty case has the labelled action, order number and reference")
    func warranty() async throws {
        let engine = try TestWorld.engine(chat: Self.live, contractOnly: true)
        for entry in try TestWorld.contractCases("warranty.jsonl") {
            let suggestion = try await engine.suggest(
                for: TestWorld.record(.warrantyClaim, entry["input"]?.object ?? [:]), task: .warranty)
            let expected = entry["expected"]?.object ?? [:]
            #expect(suggestion.action == expected["action"]?.text, "\(entry["id"]?.text ?? "")")
            #expect(suggestion.text("order_number") == expected["order_number"]?.text)
            #expect(suggestion.text("order_ref") == expected["order_ref"]?.text)
        }
    }
}
