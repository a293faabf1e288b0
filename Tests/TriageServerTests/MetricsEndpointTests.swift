import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TriageCore
import TriageServer
import TriageStore

/// Issue 17 (operator's view): `/metrics` on the server is the store's status in Prometheus text.
@Suite("Metrics endpoint", .timeLimit(.minutes(5)))
struct MetricsEndpointTests {
    @Test("/metrics counts the queue, decisions and outbox as the store holds them, without signing in")
    func scrape() async throws {
        let fixture = try await ServerFixture()
        let context = ReviewContext(
            store: fixture.database, routing: fixture.database, table: fixture.table, settings: ServerSettings(),
            now: { ServerFixture.now }, operations: fixture.database)
        let status = try await fixture.database.operationsStatus(now: ServerFixture.now)
        let warranty = try #require(status.queues.first { $0.task == "warranty" })
        #expect(warranty.done == 1 && warranty.claims == 1)
        let app = Application(router: try ReviewServer.router(context))
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            let text = String(buffer: response.body)
            #expect(text.contains(#"triage_queue_acks_total{task="warranty"} 1"#))
            #expect(text.contains(#"triage_llm_calls_total{model="gemma-3-270m-it-Q4_K_M"} 1"#))
            #expect(text.contains("# TYPE triage_llm_call_seconds histogram"))
            #expect(text.contains(#"triage_outbox_messages{state="pending"}"#))
        }
        let without = Application(router: try ReviewServer.router(fixture.context))
        try await without.test(.router) { client in
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .notFound)
        }
    }
}
