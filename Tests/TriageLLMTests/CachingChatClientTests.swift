import Foundation
import Testing
import TriageCore

@testable import TriageLLM

@Suite("CachingChatClient", .timeLimit(.minutes(5)))
struct CachingChatClientTests {
    static let fakeReply = ChatReply(
        content: #"{"action":"deny"}"#, model: "fake-served", promptTokens: 30, completionTokens: 5, latencySeconds: 2)

    @Test func recordThenReplayServesTheSameReplyWithoutHTTP() async throws {
        let script = StubScript([.success(content: #"{"action":"refund"}"#, model: "served-model")])
        let cache = InMemoryResponseCache()
        let (recorded, replayed) = try await StubServer.run(script) { url in
            let live = OpenAIChatClient(
                configuration: LLMConfiguration(baseURL: url, model: "test-model"), sleep: SleepRecorder().sleep)
            let recorded = try await CachingChatClient(inner: live, cache: cache, mode: .record)
                .complete(Fixtures.request())
            let replayed = try await CachingChatClient(inner: live, cache: cache, mode: .replay)
                .complete(Fixtures.request())
            return (recorded, replayed)
        }
        #expect(script.requestCount == 1)
        #expect(!recorded.fromCache)
        #expect(replayed.fromCache)
        #expect(replayed.content == recorded.content)
        #expect(replayed.model == "served-model")
        #expect(replayed.promptTokens == 42 && replayed.completionTokens == 7)
        let key = ChatRequestBody.cacheKey(model: "test-model", request: Fixtures.request())
        #expect(cache.model(forKey: key) == "test-model")
    }

    @Test func replayMissThrowsCacheMiss() async {
        let inner = CountingChatClient(reply: Self.fakeReply)
        let client = CachingChatClient(inner: inner, cache: InMemoryResponseCache(), mode: .replay)
        let key = ChatRequestBody.cacheKey(model: "fake-model", request: Fixtures.request())
        await #expect(throws: ChatError.cacheMiss(model: "fake-model", key: key)) {
            try await client.complete(Fixtures.request())
        }
        #expect(inner.callCount == 0)
    }

    @Test func readThroughCallsOnceThenAnswersFromTheCache() async throws {
        let inner = CountingChatClient(reply: Self.fakeReply)
        let client = CachingChatClient(inner: inner, cache: InMemoryResponseCache(), mode: .readThrough)
        let first = try await client.complete(Fixtures.request())
        let second = try await client.complete(Fixtures.request())
        #expect(inner.callCount == 1)
        #expect(!first.fromCache)
        #expect(second.fromCache)
        #expect(second.content == Self.fakeReply.content)
    }

    @Test func aPlainClientsReplyKeepsModelAndUsageInTheCache() async throws {
        let cache = InMemoryResponseCache()
        let inner = CountingChatClient(reply: Self.fakeReply)
        _ = try await CachingChatClient(inner: inner, cache: cache, mode: .record).complete(Fixtures.request())
        let replayed = try await CachingChatClient(inner: inner, cache: cache, mode: .replay)
            .complete(Fixtures.request())
        #expect(inner.callCount == 1)
        #expect(replayed.model == "fake-served")
        #expect(replayed.promptTokens == 30 && replayed.completionTokens == 5)
        #expect(replayed.content == Self.fakeReply.content)
    }

    @Test func liveModeNeverTouchesTheCache() async throws {
        let cache = InMemoryResponseCache()
        let inner = CountingChatClient(reply: Self.fakeReply)
        let client = CachingChatClient(inner: inner, cache: cache, mode: .live)
        _ = try await client.complete(Fixtures.request())
        let second = try await client.complete(Fixtures.request())
        #expect(inner.callCount == 2)
        #expect(cache.count == 0)
        #expect(!second.fromCache)
    }

    @Test func aCorruptEntryFailsReplayButIsRefreshedByReadThrough() async throws {
        let cache = InMemoryResponseCache()
        let key = ChatRequestBody.cacheKey(model: "fake-model", request: Fixtures.request())
        cache.seed("garbage", forKey: key, model: "fake-model")
        let inner = CountingChatClient(reply: Self.fakeReply)
        await #expect {
            try await CachingChatClient(inner: inner, cache: cache, mode: .replay).complete(Fixtures.request())
        } throws: { error in
            guard case .invalidResponse = error as? ChatError else { return false }
            return true
        }
        let refreshed = try await CachingChatClient(inner: inner, cache: cache, mode: .readThrough)
            .complete(Fixtures.request())
        #expect(!refreshed.fromCache)
        #expect(inner.callCount == 1)
        #expect(try await cache.response(forKey: key) != "garbage")
    }
}
