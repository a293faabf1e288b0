import Foundation
import Hummingbird
import TriageTestSupport

/// A scripted chat-completions endpoint on 127.0.0.1, port 0, living for the duration of one closure.
enum StubServer {
    /// Starts the stub, runs `body` with its API root (`http://127.0.0.1:PORT/v1`), then stops it.
    static func run<T: Sendable>(
        _ script: StubScript, _ body: @Sendable (URL) async throws -> T
    ) async throws -> T {
        try await LoopbackServer.run(router(for: script)) { port in try await body(LoopbackServer.apiRoot(port: port)) }
    }

    private static func router(for script: StubScript) -> Router<BasicRequestContext> {
        let router = Router()
        router.post("v1/chat/completions") { request, _ -> Response in
            let buffer = try await request.body.collect(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers {
                headers[field.name.canonicalName] = field.value
            }
            let scripted = script.begin(ReceivedRequest(headers: headers, body: String(buffer: buffer)))
            defer { script.end() }
            return try await respond(scripted)
        }
        return router
    }

    private static func respond(_ scripted: StubResponse) async throws -> Response {
        switch scripted {
        case .delayed(let delay, let then):
            try await Task.sleep(for: delay)
            return try await respond(then)
        case .reply(let status, let retryAfter, let body):
            var fields = HTTPFields()
            fields[.contentType] = "application/json"
            if let retryAfter { fields[.retryAfter] = retryAfter }
            return Response(
                status: .init(code: status), headers: fields, body: .init(byteBuffer: ByteBuffer(string: body)))
        }
    }
}
