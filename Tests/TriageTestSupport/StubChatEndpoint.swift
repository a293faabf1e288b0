import Foundation
import Hummingbird

/// A chat-completions endpoint that answers every call, after a fixed latency, with a valid completion whose
/// content is an empty JSON object.
public enum StubChatEndpoint {
    /// The canned completion.
    public static let reply =
        #"{"model":"stub-model","choices":[{"index":0,"message":{"role":"assistant","content":"{}"}}],"#
        + #""usage":{"prompt_tokens":10,"completion_tokens":2}}"#

    /// A router serving `POST /v1/chat/completions`.
    public static func router(latency: Duration) -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/v1/chat/completions") { _, _ -> Response in
            try await Task.sleep(for: latency)
            return Response(
                status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: .init(string: reply)))
        }
        return router
    }

    /// Serves the stub while `body` runs with its port.
    public static func run<T: Sendable>(
        latency: Duration, _ body: @Sendable (_ port: Int) async throws -> T
    ) async throws -> T {
        try await LoopbackServer.run(router(latency: latency), body)
    }
}
