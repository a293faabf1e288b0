import Foundation
import Testing
import TriageCore

@testable import TriageStore

@Suite(.timeLimit(.minutes(5))) struct OutboxPendingTests {
    @Test func messagesForSystemsWithoutAnEndpointStayPendingUntouched() async throws {
        let (database, folder) = try await OutboxFixture.database(systems: ["storefront", "erp", "gateway", "storefront"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let sink = SystemsSink(["erp": nil])
        let summary = try await OutboxRelay(queue: database, sink: sink).deliverDue(now: Date())
        #expect(summary.delivered == 1)
        #expect(summary.failed == 0)
        #expect(summary.leftPending == ["storefront": 2, "gateway": 1])
        let pending = try database.outboxMessages(state: .pending)
        #expect(pending.map(\.targetSystem) == ["storefront", "gateway", "storefront"])
        #expect(pending.allSatisfy { $0.attempts == 0 && $0.lastError == nil })
        #expect(
            OutboxText.summaryLine(summary, target: "x").hasSuffix(
                "1 delivered, 0 failed, 0 to retry; left 3 pending for storefront, gateway: no endpoint configured"))
        #expect(!summary.hasFailures)
    }

    @Test func httpSinkHandlesOnlyConfiguredSystems() throws {
        let sink = HTTPOutboxSink(endpoints: ["erp": try #require(URL(string: "http://127.0.0.1:1/erp"))])
        #expect(sink.handles(system: "erp"))
        #expect(!sink.handles(system: "storefront"))
        #expect(JSONLFileSink(url: URL(fileURLWithPath: "/tmp/x.jsonl")).handles(system: "storefront"))
    }

    @Test func everyFailureKeepsItsIdSystemAndReason() async throws {
        let (database, folder) = try await OutboxFixture.database(systems: ["erp", "gateway"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let sink = SystemsSink([
            "erp": DeliveryError(message: "erp answered HTTP 400", retryable: false),
            "gateway": DeliveryError(message: "gateway answered HTTP 503", retryable: true),
        ])
        let summary = try await OutboxRelay(queue: database, sink: sink).deliverDue(now: Date())
        #expect(
            summary.failures == [DeliveryFailure(id: 1, system: "erp", reason: "erp answered HTTP 400", attempts: 1)])
        #expect(summary.retrying == 1)
        #expect(summary.hasFailures)
        #expect(
            OutboxText.failureLines(summary) == [
                "failed #1 erp: erp answered HTTP 400",
                "retrying #2 gateway: gateway answered HTTP 503 (after attempt 1)",
            ])
    }

    @Test func aRetryThatIsNotYetDueIsStillCountedUntilItSettles() async throws {
        var total = RelaySummary()
        var first = RelaySummary()
        first.retries[7] = DeliveryFailure(id: 7, system: "erp", reason: "HTTP 503", attempts: 1)
        first.leftPending = ["storefront": 3]
        total.absorb(first)
        total.absorb(RelaySummary())
        #expect(total.retrying == 1, "a pass where the retry was not due does not forget it")
        var settled = RelaySummary()
        settled.deliveredIDs = [7]
        total.absorb(settled)
        #expect(total.retrying == 0)
        #expect(total.delivered == 1)
    }

    @Test func theDefaultSinkIsBesideTheDatabaseAndSinkOverridesIt() throws {
        let beside = OutboxDestination.resolve(
            configuration: nil, endpointFlags: [:], sink: nil, databasePath: "/var/triage/prod.sqlite")
        #expect(beside == .file(URL(fileURLWithPath: "/var/triage/outbox.jsonl")))
        let flagged = OutboxDestination.resolve(
            configuration: nil, endpointFlags: [:], sink: "/tmp/o.jsonl", databasePath: "/var/triage/prod.sqlite")
        #expect(flagged == .file(URL(fileURLWithPath: "/tmp/o.jsonl")))
    }

    @Test func anEndpointFlagReplacesTheConfiguredSystemWithoutItsHeaders() throws {
        let configured = OutboxEndpoint(
            url: try #require(URL(string: "https://erp.example/hook")), headers: ["X-Key": "s3cret"])
        let flag = try #require(URL(string: "http://127.0.0.1:9000/erp"))
        let destination = OutboxDestination.resolve(
            configuration: OutboxConfiguration(file: "outbox.yaml", endpoints: ["erp": configured, "wms": configured]),
            endpointFlags: ["erp": flag], sink: nil, databasePath: "t.sqlite")
        #expect(destination == .http(["erp": OutboxEndpoint(url: flag), "wms": configured]))
        #expect(!destination.description.contains("s3cret"))
        #expect(!configured.description.contains("s3cret"))
    }
}
