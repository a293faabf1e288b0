import Synchronization
import TriageCore

/// A chat client that answers from a script, in order, and records every request it was sent.
final class ScriptedChat: ChatClient {
    /// One scripted answer: a reply body or an endpoint failure.
    enum Step: Sendable {
        case reply(String)
        case fail(ChatError)
    }

    let model = "scripted-model"
    private let state: Mutex<(steps: [Step], requests: [ChatRequest])>

    init(_ steps: [Step]) {
        state = Mutex((steps, []))
    }

    /// Convenience: every call answers with the same body.
    convenience init(always body: String, times: Int = 8) {
        self.init(Array(repeating: .reply(body), count: times))
    }

    /// The requests sent so far.
    var requests: [ChatRequest] { state.withLock { $0.requests } }

    func complete(_ request: ChatRequest) async throws(ChatError) -> ChatReply {
        let step = state.withLock { state -> Step? in
            state.requests.append(request)
            return state.steps.isEmpty ? nil : state.steps.removeFirst()
        }
        switch step {
        case .reply(let body):
            return ChatReply(content: body, model: model, promptTokens: 100, completionTokens: 10, latencySeconds: 0.5)
        case .fail(let error): throw error
        case nil: throw ChatError.invalidResponse(model: model, message: "script exhausted")
        }
    }
}
