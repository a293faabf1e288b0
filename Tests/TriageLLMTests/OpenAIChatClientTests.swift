import Foundation
import Testing
import TriageTestSupport
import TriageCore

@testable import TriageLLM

/// The client against a real loopback stub endpoint: requests, retries, time-outs and failures.
@Suite("OpenAIChatClient", .timeLimit(.minutes(5)))
struct OpenAIChatClientTests {
    static func client(
        _ url: URL, key: String? = nil, attempts: Int = 4, timeout: Duration = .seconds(60), limit: Int = 2,
        sleeper: SleepRecorder = SleepRecorder(), logs: LogCapture = LogCapture()
    ) -> OpenAIChatClient {
        let configuration = LLMConfiguration(
            baseURL: url, model: "test-model", apiKey: key, timeout: timeout, maxAttempts: attempts,
            concurrencyLimit: limit)
        return OpenAIChatClient(
            configuration: configuration, logger: logs.logger(), sleep: sleeper.sleep, jitter: { 0.5 })
    }

    @Test func successSendsTheSchemaRequestAndReadsTheReply() async throws {
        let script = StubScript([.success(content: #"{"action":"deny"}"#, model: "served-model")])
        let reply = try await StubServer.run(script) { url in
            try await Self.client(url, key: "sk-test-key").complete(Fixtures.request(maxTokens: 96))
        }
        #expect(reply.content == #"{"action":"deny"}"#)
        #expect(reply.model == "served-model")
        #expect(reply.promptTokens == 42 && reply.completionTokens == 7)
        #expect(reply.latencySeconds > 0)
        #expect(!reply.fromCache)

        let received = try #require(script.received.first)
        #expect(received.headers["authorization"] == "Bearer sk-test-key")
        #expect(received.headers["content-type"] == "application/json")
        let json = try #require(received.json)
        #expect(json["model"] == "test-model")
        #expect(json["temperature"] == 0)
        #expect(json["max_tokens"] == 96)
        #expect(json["response_format"]?["type"] == "json_schema")
        #expect(json["response_format"]?["json_schema"]?["strict"] == true)
        #expect(json["response_format"]?["json_schema"]?["schema"] == Fixtures.schema)
    }

    @Test func noAuthorizationHeaderWithoutAKey() async throws {
        let script = StubScript()
        _ = try await StubServer.run(script) { url in try await Self.client(url).complete(Fixtures.request()) }
        #expect(script.received.first?.headers["authorization"] == nil)
    }

    @Test func waitsAsLongAsRetryAfterSaysOn429() async throws {
        let script = StubScript([.reply(status: 429, retryAfter: "1", body: "{}"), .success()])
        let sleeper = SleepRecorder()
        let reply = try await StubServer.run(script) { url in
            try await Self.client(url, sleeper: sleeper).complete(Fixtures.request())
        }
        #expect(reply.content == #"{"action":"refund"}"#)
        #expect(sleeper.recorded == [.seconds(1)])
        #expect(script.requestCount == 2)
    }

    @Test func retriesAServerErrorWithJitteredBackoff() async throws {
        let script = StubScript([.reply(status: 500, body: "oops"), .success()])
        let sleeper = SleepRecorder()
        let reply = try await StubServer.run(script) { url in
            try await Self.client(url, sleeper: sleeper).complete(Fixtures.request())
        }
        #expect(reply.content == #"{"action":"refund"}"#)
        #expect(sleeper.recorded == [.milliseconds(250)], "jitter 0.5 × first ceiling 0.5 s")
        #expect(script.requestCount == 2)
    }

    @Test func givesUpAfterTheLastAttempt() async throws {
        let script = StubScript(fallback: .reply(status: 503, body: ""))
        let sleeper = SleepRecorder()
        await #expect(throws: ChatError.http(model: "test-model", status: 503)) {
            try await StubServer.run(script) { url in
                try await Self.client(url, attempts: 3, sleeper: sleeper).complete(Fixtures.request())
            }
        }
        #expect(script.requestCount == 3)
        #expect(sleeper.recorded == [.milliseconds(250), .milliseconds(500)])
    }

    @Test func aHangingEndpointTimesOut() async throws {
        let script = StubScript(fallback: .delayed(.seconds(5), .success()))
        await #expect(throws: ChatError.timeout(model: "test-model", seconds: 0.5)) {
            try await StubServer.run(script) { url in
                try await Self.client(url, attempts: 2, timeout: .milliseconds(500)).complete(Fixtures.request())
            }
        }
        // A .timeout (not the stub's delayed success) proves the client stopped waiting; no wall-clock assertion.
        #expect(script.requestCount == 2)
    }

    @Test func aRefusedConnectionIsATransportErrorAfterRetries() async throws {
        let closed = try ClosedPort()
        let url = try #require(URL(string: "http://127.0.0.1:\(closed.port)/v1"))
        let sleeper = SleepRecorder()
        await #expect {
            try await Self.client(url, attempts: 3, sleeper: sleeper).complete(Fixtures.request())
        } throws: { error in
            guard case .transport(let model, _) = error as? ChatError else { return false }
            return model == "test-model"
        }
        #expect(sleeper.recorded.count == 2)
        withExtendedLifetime(closed) {}
    }

    @Test func invalidJSONWithStatus200IsNotRetried() async throws {
        let script = StubScript(fallback: .reply(status: 200, body: "<html>not json"))
        let sleeper = SleepRecorder()
        await #expect {
            try await StubServer.run(script) { url in
                try await Self.client(url, sleeper: sleeper).complete(Fixtures.request())
            }
        } throws: { error in
            guard case .invalidResponse = error as? ChatError else { return false }
            return true
        }
        #expect(script.requestCount == 1)
        #expect(sleeper.recorded.isEmpty)
    }

    @Test(arguments: [400, 401, 403, 404, 422])
    func clientErrorsAreNotRetried(status: Int) async throws {
        let script = StubScript(fallback: .reply(status: status, retryAfter: "1", body: #"{"error":"bad"}"#))
        let sleeper = SleepRecorder()
        await #expect(throws: ChatError.http(model: "test-model", status: status)) {
            try await StubServer.run(script) { url in
                try await Self.client(url, sleeper: sleeper).complete(Fixtures.request())
            }
        }
        #expect(script.requestCount == 1)
        #expect(sleeper.recorded.isEmpty)
    }

    @Test func concurrentCallsNeverExceedTheLimit() async throws {
        let script = StubScript(fallback: .delayed(.milliseconds(150), .success()))
        try await StubServer.run(script) { url in
            let client = Self.client(url, limit: 2)
            try await withThrowingTaskGroup(of: ChatReply.self) { group in
                for _ in 0..<6 { group.addTask { try await client.complete(Fixtures.request()) } }
                try await group.waitForAll()
            }
        }
        #expect(script.requestCount == 6)
        #expect(script.maxInFlight == 2)
    }

    @Test func logsCarryMetadataButNeverThePromptOrKey() async throws {
        let script = StubScript([.reply(status: 500, body: ""), .success()])
        let logs = LogCapture()
        _ = try await StubServer.run(script) { url in
            try await Self.client(url, key: "sk-never-log-me", logs: logs).complete(Fixtures.request())
        }
        let lines = logs.all
        #expect(
            lines.contains { $0.contains("llm call retrying") && $0.contains("attempt=1") && $0.contains("status 500") }
        )
        #expect(lines.contains { $0.contains("llm call finished") && $0.contains("latency_ms=") })
        #expect(!lines.contains { $0.contains("sk-never-log-me") || $0.contains("Jane Roe") })
    }
}
