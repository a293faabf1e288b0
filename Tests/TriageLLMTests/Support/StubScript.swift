import Foundation
import Synchronization
import TriageCore

/// One scripted answer of the stub endpoint.
indirect enum StubResponse: Sendable {
    /// Answer at once.
    case reply(status: Int, retryAfter: String? = nil, body: String)
    /// Wait, then answer; a wait longer than the client's timeout is a hang.
    case delayed(Duration, StubResponse)

    /// A well-formed chat completion.
    static func success(content: String = #"{"action":"refund"}"#, model: String = "stub-model") -> StubResponse {
        .reply(status: 200, body: StubBodies.completion(content: content, model: model))
    }
}

/// A request as the stub received it.
struct ReceivedRequest: Sendable {
    /// Header names lower-cased.
    var headers: [String: String]
    var body: String

    /// The body parsed as JSON.
    var json: JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(body.utf8))
    }
}

/// Scripted answers plus what the stub saw: every request and the most requests in flight at once.
final class StubScript: Sendable {
    private struct State {
        var queue: [StubResponse]
        var received: [ReceivedRequest] = []
        var inFlight = 0
        var maxInFlight = 0
    }

    private let state: Mutex<State>
    private let fallback: StubResponse

    /// Answers `responses` in order, then `fallback` for every later request.
    init(_ responses: [StubResponse] = [], fallback: StubResponse = .success()) {
        self.state = Mutex(State(queue: responses))
        self.fallback = fallback
    }

    /// Records a request as in flight and returns its scripted answer.
    func begin(_ request: ReceivedRequest) -> StubResponse {
        state.withLock { state in
            state.received.append(request)
            state.inFlight += 1
            state.maxInFlight = max(state.maxInFlight, state.inFlight)
            return state.queue.isEmpty ? fallback : state.queue.removeFirst()
        }
    }

    /// Marks a request as answered.
    func end() {
        state.withLock { $0.inFlight -= 1 }
    }

    var received: [ReceivedRequest] { state.withLock { $0.received } }
    var requestCount: Int { state.withLock { $0.received.count } }
    var maxInFlight: Int { state.withLock { $0.maxInFlight } }
}

/// Response bodies the stub sends.
enum StubBodies {
    /// An OpenAI-style chat completion with usage.
    static func completion(content: String, model: String, prompt: Int = 42, completion: Int = 7) -> String {
        let body: JSONValue = [
            "id": "chatcmpl-stub", "object": "chat.completion", "model": .string(model),
            "choices": [
                ["index": 0, "finish_reason": "stop", "message": ["role": "assistant", "content": .string(content)]]
            ],
            "usage": [
                "prompt_tokens": .number(Double(prompt)), "completion_tokens": .number(Double(completion)),
                "total_tokens": .number(Double(prompt + completion)),
            ],
        ]
        return (try? JSONCoding.string(body)) ?? "{}"
    }
}
