import Foundation
import Hummingbird
import Testing
import TriageTestSupport

@testable import TriageLLM

/// The libcurl transport against a real loopback server: what it sends and reads, redirects answered as they are,
/// a caller's cancellation, an endpoint nobody listens on.
@Suite("CurlTransport", .timeLimit(.minutes(2)))
struct CurlTransportTests {
    static func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.post("echo") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 20)
            var headers = HTTPFields()
            headers[.init("X-Seen-Key")!] = request.headers[.authorization] ?? "none"
            headers[.init("X-Seen-Expect")!] = request.headers[.expect] ?? "none"
            return Response(status: .created, headers: headers, body: .init(byteBuffer: body))
        }
        router.get("moved") { _, _ -> Response in
            Response(status: .found, headers: [.location: "http://127.0.0.1:1/elsewhere"])
        }
        router.get("slow") { _, _ -> Response in
            try await Task.sleep(for: .seconds(30))
            return Response(status: .ok)
        }
        return router
    }

    static func request(_ port: Int, _ path: String, body: Data = Data(), timeout: Duration = .seconds(20)) -> HTTPPost {
        HTTPPost(
            url: URL(string: "http://127.0.0.1:\(port)/\(path)")!, headers: ["Authorization": "Bearer k-1"], body: body,
            timeout: timeout)
    }

    @Test func postSendsBodyAndHeadersAndReadsTheWholeReply() async throws {
        let body = Data((0..<300_000).map { UInt8($0 % 251) })
        let reply = try await LoopbackServer.run(Self.router()) { port in
            try await CurlTransport().post(Self.request(port, "echo", body: body))
        }
        #expect(reply.status == 201)
        #expect(reply.body == body)
        #expect(reply.header("x-seen-key") == "Bearer k-1")
        #expect(reply.header("X-Seen-Expect") == "none", "no 100-continue round trip before a large body")
    }

    @Test func aRedirectIsAnsweredAsItIsNotFollowed() async throws {
        let reply = try await LoopbackServer.run(Self.router()) { port in
            try await CurlTransport().get(Self.request(port, "moved"))
        }
        #expect(reply.status == 302)
        #expect(reply.header("location") == "http://127.0.0.1:1/elsewhere")
    }

    @Test func cancellingTheCallerEndsTheExchangeAsCancelled() async throws {
        let outcome = try await LoopbackServer.run(Self.router()) { port in
            let call = Task { () -> TransportError? in
                do throws(TransportError) {
                    _ = try await CurlTransport().get(Self.request(port, "slow"))
                    return nil
                } catch {
                    return error
                }
            }
            try await Task.sleep(for: .milliseconds(300))
            call.cancel()
            return await call.value
        }
        #expect(outcome == .cancelled)
    }

    @Test func aTimeoutAndANoListenerAreTheirOwnErrors() async throws {
        let timedOut = try await LoopbackServer.run(Self.router()) { port in
            await #expect(throws: TransportError.timeout) {
                try await CurlTransport().get(Self.request(port, "slow", timeout: .milliseconds(400)))
            }
            return true
        }
        #expect(timedOut)
        await #expect(throws: TransportError.connection(reason: "cannot connect to host")) {
            try await CurlTransport().get(Self.request(1, "nothing"))
        }
    }
}
