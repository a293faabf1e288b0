import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TriageCore
import TriageDemo
import TriageRules
import TriageServer
import TriageStore

@Suite("Demo labels stay out of what reviewers see", .timeLimit(.minutes(5)))
struct DemoLabelTests {
    @Test("a demo card's API response and page carry none of the generator's labels")
    func demoCardHoldsNoLabel() async throws {
        let fixture = try await ServerFixture()
        let dataset = DemoDataset.generate()
        let claim = try #require(dataset.exceptions.first { $0.kind == .warrantyClaim })
        let label = try #require(dataset.labels.first { $0.source == claim.source && $0.eventID == claim.eventID })
        let expected = try #require(label.values["expected"]?.object)
        _ = try await RoutingService(table: fixture.table, store: fixture.database).ingest([claim], now: ServerFixture.now)
        let job = try #require(try await fixture.database.claim(owner: "test", limit: 1, now: ServerFixture.now, leaseSeconds: 60).first)
        let suggestion = Suggestion(task: .warranty, action: "need_info", evidence: ["quoted"], confidence: .low)
        _ = try await fixture.database.complete(job, with: suggestion, now: ServerFixture.now)
        let cardID = try #require(try fixture.database.card(exceptionID: job.exceptionID)?.id)
        try await fixture.test { client in
            let response = try await client.execute(
                uri: "/api/v1/cards/\(cardID)", method: .get, headers: ServerFixture.bearer(fixture.alice))
            #expect(response.status == .ok)
            #expect(response.text.contains(claim.eventID), "the response is the demo card's")
            for text in [response.text, Self.keys(response.json)] {
                #expect(!text.lowercased().contains("truth"))
                #expect(!text.contains("\"expected\""), "the label object")
            }
            #expect(!expected.isEmpty)
            #expect(Set(claim.payload.keys) == ["from", "subject", "received_at"], "what the mail source sends, no more")
        }
    }

    /// Every object key in a JSON value, quoted, one per line.
    static func keys(_ value: JSONValue?) -> String {
        switch value {
        case .object(let object): object.map { "\"\($0.key)\"\n" + keys($0.value) }.joined()
        case .array(let array): array.map(keys).joined()
        default: ""
        }
    }
}
