import Foundation
import Testing
import TriageCore
@testable import TriageWorker

@Suite("Model calls: validation, repair, fallback, disagreement", .timeLimit(.minutes(5)))
struct ModelInteractionTests {
    static let closeReturn: [String: JSONValue] = [
        "text": "I want to return something I bought in October. - Elizabeth Harrington", "received_at": "2026-10-30",
    ]

    @Test("a candidate that was not offered gets one repair retry, then the deterministic answer stands")
    func notOfferedFallsBack() async throws {
        let chat = ScriptedChat(always: #"{"order_id":"ord-9999"}"#)
        let engine = try TestWorld.engine(chat: chat)
        let suggestion = try await engine.suggest(for: TestWorld.record(.returnRequest, Self.closeReturn), task: .returnMatch)
        let deterministic = try await TestWorld.engine().suggest(
            for: TestWorld.record(.returnRequest, Self.closeReturn), task: .returnMatch)
        #expect(chat.requests.count == 2)
        #expect(chat.requests[1].messages.last?.content.contains("was not offered") == true)
        #expect(suggestion.text("order_id") == deterministic.text("order_id"))
        #expect(suggestion.notes.contains { $0.hasPrefix("model reply invalid") })
        #expect(suggestion.model == "scripted-model")
        #expect(suggestion.promptVersion == (try TestWorld.library()).version(of: .returnMatch))
        #expect(suggestion.promptTokens == 200)
    }

    @Test("the reply schema offers exactly the candidates and none, and every call is bounded")
    func schemaConstrained() async throws {
        let chat = ScriptedChat(always: #"{"order_id":"none"}"#)
        _ = try await TestWorld.engine(chat: chat).suggest(
            for: TestWorld.record(.returnRequest, Self.closeReturn), task: .returnMatch)
        let request = try #require(chat.requests.first)
        let offered = request.schema["properties"]?["order_id"]?["enum"]?.array?.compactMap(\.text) ?? []
        #expect(Set(offered) == ["ord-2002", "ord-2003", "none"])
        #expect(request.maxTokens <= 150)
        #expect(request.messages.last?.content.contains("<<<REQUEST") == true)
    }

    @Test("a model disagreeing with the rules keeps the rules' action at lower confidence")
    func disagreementLowersConfidence() async throws {
        let input: [String: JSONValue] = [
            "from": "maria.g@example.com", "body": "The kettle from order #1001 stopped heating. Please send a new one.",
            "received_at": "2026-09-20",
        ]
        let chat = ScriptedChat(always: #"{"claim_type":"accident","asks":"refund","quote":"stopped heating"}"#)
        let withModel = try await TestWorld.engine(chat: chat).suggest(for: TestWorld.record(.warrantyClaim, input), task: .warranty)
        let alone = try await TestWorld.engine().suggest(for: TestWorld.record(.warrantyClaim, input), task: .warranty)
        #expect(alone.action == "replace")
        #expect(withModel.action == "replace")
        #expect(withModel.flags.contains("model_disagreed"))
        #expect(alone.confidence == .high)
        #expect(withModel.confidence != .high)
    }

    @Test("a model reading without a quote from the email is only noted: no flag, confidence unchanged")
    func ungroundedReadingIsNoted() async throws {
        let input: [String: JSONValue] = [
            "from": "maria.g@example.com", "body": "The kettle from order #1001 stopped heating. Please send a new one.",
            "received_at": "2026-09-20",
        ]
        let chat = ScriptedChat(always: #"{"claim_type":"accident","asks":"refund","quote":"I dropped it on the floor"}"#)
        let withModel = try await TestWorld.engine(chat: chat).suggest(for: TestWorld.record(.warrantyClaim, input), task: .warranty)
        #expect(withModel.action == "replace")
        #expect(!withModel.flags.contains("model_disagreed"))
        #expect(withModel.confidence == .high)
        #expect(withModel.notes.contains { $0.contains("without quoting the email") })
    }

    @Test("a problem no pattern found is taken from the model only with a quote, and then at most at medium")
    func modelStatedProblemNeedsQuote() async throws {
        let input: [String: JSONValue] = [
            "from": "maria.g@example.com", "body": "About order #1001, the kettle. Please get in touch.", "received_at": "2026-09-20",
        ]
        let invented = ScriptedChat(always: #"{"claim_type":"defect","asks":"replace","quote":"it stopped working"}"#)
        let ignored = try await TestWorld.engine(chat: invented).suggest(for: TestWorld.record(.warrantyClaim, input), task: .warranty)
        #expect(ignored.action == "need_info")
        let grounded = ScriptedChat(always: #"{"claim_type":"defect","asks":"replace","quote":"the kettle"}"#)
        let taken = try await TestWorld.engine(chat: grounded).suggest(for: TestWorld.record(.warrantyClaim, input), task: .warranty)
        #expect(taken.confidence <= .medium)
    }

    @Test("an endpoint failure is thrown for the queue to retry")
    func chatErrorPropagates() async throws {
        let chat = ScriptedChat([.fail(.timeout(model: "m", seconds: 30))])
        let engine = try TestWorld.engine(chat: chat)
        await #expect(throws: ChatError.timeout(model: "m", seconds: 30)) {
            _ = try await engine.suggest(for: TestWorld.record(.returnRequest, Self.closeReturn), task: .returnMatch)
        }
    }

    @Test("the model fills an invoice number the parsers missed only when the text contains it")
    func invoiceFill() async throws {
        let text = "Rheinhaus\nRef RH/77 of 05.11.2026, PO-9001\nSkillets 40 x 30,00 1.200,00\nTotal 1.200,00 EUR"
        let record = TestWorld.record(.supplierInvoice, ["text": .string(text), "received_at": "2026-11-06"])
        let good = ScriptedChat(always: #"{"supplier":"unknown","invoice_number":"RH/77","invoice_date":"unknown","total":"unknown","currency":"EUR"}"#)
        let filled = try await TestWorld.engine(chat: good).suggest(for: record, task: .invoice)
        #expect(filled.text("invoice_number") == "RH/77")
        let bad = ScriptedChat(always: #"{"supplier":"unknown","invoice_number":"INV-123","invoice_date":"unknown","total":"unknown","currency":"EUR"}"#)
        let rejected = try await TestWorld.engine(chat: bad).suggest(for: record, task: .invoice)
        #expect(rejected.parameters["invoice_number"] == .null)
        #expect(bad.requests.count == 2)
    }
}
