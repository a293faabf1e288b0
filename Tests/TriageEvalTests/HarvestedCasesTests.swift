import Foundation
import Testing
import TriageCore
@testable import TriageEval

@Suite("Harvest: reviewed AI cards become suite cases")
struct HarvestedCasesTests {
    static let decidedAt = ISODate.parse("2026-11-21T09:30:00Z")!

    static func reviewed(
        task: AITask, suggested: String?, final: String, parameters: [String: JSONValue], edited: [String] = [],
        text: String, payload: [String: JSONValue] = [:]
    ) throws -> ReviewedCard {
        let suggestion = Suggestion(task: task, action: suggested, parameters: parameters, confidence: .medium)
        let suggestionJSON = try JSONParser.parse(Array(try JSONCoding.string(suggestion).utf8))
        let origin = CaseRecord.origin(of: task)
        let exception = NewException(
            source: origin.source, eventID: "evt-7", kind: origin.kind, reason: origin.reason,
            occurredAt: ISODate.parse("2026-11-20T08:00:00Z")!, text: text, payload: payload)
        let card = NewCard(
            exceptionID: 7, kind: origin.kind, decisionType: .unstructured, status: .resolved, team: "customer_ops",
            title: "t", summary: "s", createdAt: decidedAt)
        return ReviewedCard(
            decision: DecisionRecord(
                id: 3, cardID: 11, actor: "alice", actorKind: "reviewer", action: final, parameters: parameters,
                editedFields: edited, suggestedAction: suggested, reason: nil, decidedAt: decidedAt, secondsToDecide: 12,
                outcome: nil),
            card: StoredCard(id: 11, card: card, suggestion: suggestionJSON, confidence: .medium, updatedAt: decidedAt),
            exception: ExceptionRecord(id: 7, exception: exception, receivedAt: decidedAt))
    }

    @Test("an edited warranty decision is expected as the reviewer left it, with provenance")
    func warrantyEdited() throws {
        let reviewed = try Self.reviewed(
            task: .warranty, suggested: "replace", final: "deny",
            parameters: ["order_number": .string("#1001"), "order_ref": .string("#1001")], edited: ["action"],
            text: "Dropped my kettle, it cracked. Order #1001", payload: ["from": .string("a@example.com")])
        let entry = try HarvestedCases.evalCase(reviewed).get()
        #expect(entry.expected == ["action": .string("deny"), "order_number": .string("#1001"), "order_ref": .string("#1001")])
        #expect(entry.input["body"]?.text == "Dropped my kettle, it cracked. Order #1001")
        #expect(entry.input["from"]?.text == "a@example.com")
        #expect(entry.input["received_at"]?.text == "2026-11-20T08:00:00Z")
        #expect(entry.tags == ["harvested", "edited"])
        #expect(entry.provenance["reviewer"]?.text == "alice")
        #expect(entry.provenance["card_id"]?.number == 11)
        #expect(entry.jsonLine.contains(#""decided_at":"2026-11-21T09:30:00Z""#))
    }

    @Test("a return the reviewer marked no_match expects a null order; a rejection makes no case")
    func returnsAndRejections() throws {
        let noMatch = try Self.reviewed(
            task: .returnMatch, suggested: "match_order", final: "no_match", parameters: ["order_id": .string("ord-1")],
            edited: ["action"], text: "Return my blender please, Jo Smith")
        #expect(try HarvestedCases.evalCase(noMatch).get().expected == ["order_id": .null])
        let rejected = try Self.reviewed(
            task: .returnMatch, suggested: "match_order", final: "reject", parameters: [:], text: "Return my blender")
        guard case .failure(let reason) = HarvestedCases.evalCase(rejected) else {
            Issue.record("a rejection became a case")
            return
        }
        #expect(reason.kind == .rejected)
    }

    @Test("harvested lines load as a suite next to the contract fixtures")
    func loadsAsSuite() throws {
        let reviewed = try Self.reviewed(
            task: .warranty, suggested: "replace", final: "replace", parameters: ["order_number": .string("#1001"), "order_ref": .null],
            text: "My kettle stopped heating after two months. maria.g@example.com")
        let entry = try HarvestedCases.evalCase(reviewed).get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("harvest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data((entry.jsonLine + "\n").utf8).write(to: folder.appendingPathComponent("cases.jsonl"))
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("eval/contract-suite/fixtures/orders.jsonl").path
        let manifest = #"{"name":"harvested","task":"warranty","cases":"cases.jsonl","fixtures":{"orders":"\#(fixtures)"}}"#
        try Data(manifest.utf8).write(to: folder.appendingPathComponent("suite.json"))
        let suite = try SuiteLoader.load(manifest: folder.appendingPathComponent("suite.json"))
        #expect(suite.cases.map(\.id) == ["harvest-card-11"])
    }
}
