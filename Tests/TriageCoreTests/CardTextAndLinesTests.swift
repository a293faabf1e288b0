import Foundation
import Testing
@testable import TriageCore

/// Issue 14: a readable terminal card, and a JSON object wrapped over lines named as such.
@Suite("Terminal card and one-record-per-line input")
struct CardTextAndLinesTests {
    @Test("the terminal card shows the exception's text, the suggestion, evidence, candidates and notes")
    func readableCard() throws {
        let at = Date(timeIntervalSince1970: 1_795_000_000)
        let card = NewCard(
            exceptionID: 7, kind: .returnRequest, decisionType: .judgment, status: .open, team: "customer_ops",
            title: "Return request · no order number", summary: "Matched by the worker", createdAt: at)
        let suggestion = try JSONValue.parse(Data(#"""
            {"action":"match_order","confidence":"high","parameters":{"order_number":"102231","refund_amount":"48.48"},
             "evidence":["I paid 48.48 for it"],"notes":["matched 102231"],
             "candidates":[{"id":"o-1","label":"102231 · Ada Byron","score":0.9,"reasons":["name matches","holds \"kettle\""]}]}
            """#.utf8))
        let stored = StoredCard(id: 12, card: card, suggestion: suggestion, confidence: .high, model: "gemma", promptVersion: "abc123", updatedAt: at)
        let record = ExceptionRecord(
            id: 7, exception: NewException(source: "mail", eventID: "m-7", kind: .returnRequest, occurredAt: at,
                                           text: "Hi, this is Ada Byron.\nThe kettle leaks."), receivedAt: at)
        let text = CardText.render(stored, exception: record)
        for needle in ["card 12 · return_request · judgment · open", "│ Hi, this is Ada Byron.", "│ The kettle leaks.",
                       "match_order · confidence high · by gemma, prompt abc123", "order_number: 102231",
                       "“I paid 48.48 for it”", "102231 · Ada Byron · score 0.9", "name matches; holds \"kettle\"",
                       "── notes", "matched 102231"] {
            #expect(text.contains(needle), "missing \(needle) in\n\(text)")
        }
    }

    @Test("a JSON object wrapped over lines is rejected line by line with the one-line rule")
    func wrappedObject() {
        let data = Data("{\"source\":\"gateway\",\n\"event_id\":\"x\"}\nnot json at all\n".utf8)
        let file = ExceptionFileReader.readJSONLines(data, fileName: "in.jsonl")
        #expect(file.rejected.count == 3)
        #expect(file.rejected.prefix(2).allSatisfy { $0.message.contains("each record must be on one line") })
        #expect(file.rejected.last?.message == "not a JSON object")
    }
}
