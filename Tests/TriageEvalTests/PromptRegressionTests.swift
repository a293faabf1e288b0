import Foundation
import Synchronization
import Testing
import TriageCore
@testable import TriageEval

/// A stand-in for the model behind the endpoint: it classifies a warranty claim as a defect only when the prompt
/// defines what a defect is, so a prompt that loses the definition answers worse — as a real model would.
final class PromptSensitiveChat: ChatClient {
    let model = "stub-model"
    let calls = Mutex(0)

    func complete(_ request: ChatRequest) async throws(ChatError) -> ChatReply {
        calls.withLock { $0 += 1 }
        let system = request.messages.first?.content ?? ""
        let type = system.contains("defect (the product failed by itself)") ? "defect" : "accident"
        let email = request.messages.last?.content ?? ""
        let quote = email.contains("feels odd") ? "lid hinge feels odd" : email.contains("tastes") ? "tastes of plastic" : ""
        return ChatReply(
            content: #"{"claim_type":"\#(type)","asks":"replace","quote":"\#(quote)"}"#, model: model, promptTokens: 90,
            completionTokens: 9, latencySeconds: 0.01)
    }
}

@Suite("Baseline regression", .timeLimit(.minutes(5)))
struct PromptRegressionTests {
    /// Claims whose problem no pattern recognises ("feels odd", "tastes of plastic"), so the model's classification
    /// decides.
    static let cases = [
        (id: "odd", body: "Order #1001: the kettle lid hinge feels odd. Please send a new one."),
        (id: "taste", body: "Order #1001: the water from the kettle tastes of plastic. Please replace it."),
    ]

    func suite(in folder: URL) throws -> Suite {
        let fixtures = EvalWorld.contractSuite.appendingPathComponent("fixtures")
        let lines = Self.cases.map { entry in
            EvalCase(
                id: entry.id, task: .warranty,
                input: ["from": "maria.g@example.com", "body": .string(entry.body), "received_at": "2026-11-20"],
                expected: ["action": "replace", "order_number": "#1001"]
            ).jsonLine
        }
        try EvalWorld.write(lines.joined(separator: "\n"), "cases.jsonl", in: folder)
        let manifest = """
            {"name": "prompt-check", "task": "warranty", "cases": "cases.jsonl",
             "fixtures": {"orders": "\(fixtures.path)/orders.jsonl", "products": "\(fixtures.path)/products.jsonl"}}
            """
        return try SuiteLoader.load(manifest: EvalWorld.write(manifest, "suite.json", in: folder))
    }

    /// A copy of the prompts folder with the warranty prompt made worse: the claim types lose their definitions.
    func worsePrompts(in folder: URL) throws -> URL {
        let copy = folder.appendingPathComponent("prompts")
        try FileManager.default.copyItem(at: EvalWorld.prompts, to: copy)
        let template = copy.appendingPathComponent("warranty/prompt.mustache")
        let text = try String(contentsOf: template, encoding: .utf8)
        let worse = text.replacingOccurrences(of: "defect (the product failed by itself)", with: "defect")
        #expect(worse != text, "the warranty prompt no longer defines a defect; update this test")
        try Data(worse.utf8).write(to: template)
        return copy
    }

    @Test("a prompt change that makes answers worse regresses against the baseline and lists the flipped cases")
    func worsePromptRegresses() async throws {
        let folder = try EvalWorld.temporaryFolder()
        let suite = try suite(in: folder)
        let chat = PromptSensitiveChat()
        let baseline = try await EvalSession(runner: try EvalWorld.runner(), chat: chat, llmMode: "live").run([suite])
        let good = try #require(baseline.suites.first?.run(.model))
        #expect(good.metric("accuracy")?.value == 100)
        #expect(good.models == ["stub-model"])

        let worseRunner = try EvalWorld.runner(prompts: try worsePrompts(in: folder))
        let current = try await EvalSession(runner: worseRunner, chat: chat, llmMode: "live").run([suite])
        let comparison = BaselineComparison(current: current, baseline: baseline, tolerance: 1)
        #expect(comparison.regressed)
        #expect(Set(comparison.toWrong.map(\.id)) == ["odd", "taste"])
        #expect(comparison.toWrong.allSatisfy { $0.variant == .model })
        #expect(comparison.deltas.contains { $0.key == "accuracy" && $0.variant == .model && $0.regressed })
        #expect(!comparison.deltas.contains { $0.variant == .noLLM && $0.regressed })
        let text = ReportTable.render(comparison)
        #expect(text.contains("flipped right → wrong (2)") && text.contains("RESULT: regression"))
        #expect(current.suites[0].run(.model)?.promptVersion != good.promptVersion)
    }

    @Test("the same run compared with itself is no regression")
    func sameRunPasses() async throws {
        let folder = try EvalWorld.temporaryFolder()
        let suite = try suite(in: folder)
        let report = try await EvalSession(runner: try EvalWorld.runner(), chat: PromptSensitiveChat(), llmMode: "live")
            .run([suite])
        let comparison = BaselineComparison(current: report, baseline: report)
        #expect(!comparison.regressed && comparison.toWrong.isEmpty)
    }

    @Test("an endpoint error is a wrong answer, and counted as an error too")
    func errorsApart() async throws {
        struct Down: ChatClient {
            let model = "down"
            func complete(_ request: ChatRequest) async throws(ChatError) -> ChatReply {
                throw .cacheMiss(model: model, key: "abc")
            }
        }
        let suite = try suite(in: try EvalWorld.temporaryFolder())
        let report = try await EvalSession(runner: try EvalWorld.runner(), chat: Down(), llmMode: "replay").run([suite])
        let run = try #require(report.suites.first?.run(.model))
        #expect(run.metric("errors")?.value == 2)
        #expect(run.metric("accuracy")?.value == 0)
        #expect(run.cases.allSatisfy { $0.error?.hasPrefix("case \($0.id): no recorded response") == true })
    }
}
