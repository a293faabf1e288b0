import Foundation
import Synchronization
import TriageCore
import TriageLLM

/// A ``ResponseCache`` in memory: a Mutex-protected dictionary.
final class InMemoryResponseCache: ResponseCache {
    private let entries = Mutex<[String: (body: String, model: String)]>([:])

    func response(forKey key: String) async throws -> String? {
        entries.withLock { $0[key]?.body }
    }

    func store(response: String, forKey key: String, model: String) async throws {
        entries.withLock { $0[key] = (response, model) }
    }

    /// Puts an entry in directly, e.g. a corrupt one.
    func seed(_ body: String, forKey key: String, model: String) {
        entries.withLock { $0[key] = (body, model) }
    }

    var count: Int { entries.withLock { $0.count } }
    func model(forKey key: String) -> String? { entries.withLock { $0[key]?.model } }
}

/// An injected sleep that records each requested delay and returns at once.
final class SleepRecorder: Sendable {
    private let delays = Mutex<[Duration]>([])

    var sleep: OpenAIChatClient.Sleep {
        { delay in self.record(delay) }
    }

    private func record(_ delay: Duration) {
        delays.withLock { $0.append(delay) }
    }

    var recorded: [Duration] { delays.withLock { $0 } }
}

/// A ``ChatClient`` that answers a fixed reply and counts calls; not a ``RawChatClient``.
final class CountingChatClient: ChatClient {
    let model: String
    private let reply: ChatReply
    private let calls = Mutex(0)

    init(model: String = "fake-model", reply: ChatReply) {
        self.model = model
        self.reply = reply
    }

    func complete(_ request: ChatRequest) async throws(ChatError) -> ChatReply {
        calls.withLock { $0 += 1 }
        return reply
    }

    var callCount: Int { calls.withLock { $0 } }
}

/// Requests used across the tests.
enum Fixtures {
    static let schema: JSONValue = [
        "type": "object",
        "properties": ["action": ["type": "string", "enum": ["refund", "deny"], "maxLength": 16]],
        "required": ["action"],
        "additionalProperties": false,
    ]

    static let prompt = "Customer Jane Roe wants a refund for order 4711"

    static func request(maxTokens: Int = 128) -> ChatRequest {
        ChatRequest(
            messages: [
                ChatMessage(role: "system", content: "Answer with JSON."),
                ChatMessage(role: "user", content: prompt),
            ],
            schemaName: "return_match", schema: schema, maxTokens: maxTokens)
    }
}
