import Foundation
import Hummingbird
import Synchronization
import Testing
import TriageCore
import TriageStore
import TriageTestSupport

/// `HTTPOutboxSink` against a loopback receiver: the headers it sends and which answers it retries.
@Suite("HTTPOutboxSink", .timeLimit(.minutes(5)))
struct HTTPOutboxSinkTests {
    /// The `Idempotency-Key` headers the receiver saw.
    final class Received: Sendable {
        let keys = Mutex<[String]>([])
    }

    /// `POST /ok` records the key and answers 200; `POST /status/{code}` answers with that code.
    static func router(_ received: Received) -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/ok") { request, _ -> Response in
            let key = request.headers.first { $0.name.canonicalName == "idempotency-key" }?.value
            received.keys.withLock { $0.append(key ?? "") }
            return Response(status: .ok)
        }
        router.post("/elsewhere") { request, _ -> Response in
            let auth = request.headers.first { $0.name.canonicalName == "authorization" }?.value
            received.keys.withLock { $0.append("redirected:" + (auth ?? "")) }
            return Response(status: .ok)
        }
        router.post("/redirect/{code}") { _, context -> Response in
            let code = try context.parameters.require("code", as: Int.self)
            return Response(status: .init(code: code), headers: [.location: "/elsewhere"])
        }
        router.post("/status/{code}") { _, context -> Response in
            Response(status: .init(code: try context.parameters.require("code", as: Int.self)))
        }
        return router
    }

    static func message(key: String = "card-7-accept") -> OutboxMessage {
        OutboxMessage(
            id: 1, exceptionID: 7, targetSystem: "erp", messageType: "order.release", payload: ["order": "A-1"],
            idempotencyKey: key, state: .pending, attempts: 0, nextAttemptAt: Date())
    }

    static func sink(port: Int, path: String) -> HTTPOutboxSink {
        HTTPOutboxSink(endpoints: ["erp": URL(string: "http://127.0.0.1:\(port)\(path)")!], timeout: 60)
    }

    /// The delivery error for an answer of `status`, or nil when it was delivered.
    static func outcome(status: Int) async throws -> DeliveryError? {
        try await LoopbackServer.run(router(Received())) { port -> DeliveryError? in
            do throws(DeliveryError) {
                try await sink(port: port, path: "/status/\(status)").deliver(message())
                return nil
            } catch {
                return error
            }
        }
    }

    @Test func sendsTheMessageIdempotencyKeyAsAHeader() async throws {
        let received = Received()
        try await LoopbackServer.run(Self.router(received)) { port in
            try await Self.sink(port: port, path: "/ok").deliver(Self.message(key: "card-7-accept"))
        }
        #expect(received.keys.withLock { $0 } == ["card-7-accept"])
    }

    @Test(arguments: [408, 429, 500, 502, 503])
    func retriesTimeoutsThrottlingAndServerErrors(status: Int) async throws {
        let error = try await Self.outcome(status: status)
        #expect(error?.retryable == true)
        #expect(error?.message == "erp answered HTTP \(status)")
    }

    @Test(arguments: [400, 401, 404, 409, 422])
    func doesNotRetryOtherClientErrors(status: Int) async throws {
        let error = try await Self.outcome(status: status)
        #expect(error?.retryable == false)
    }

    @Test func treatsAnyTwoHundredAsDelivered() async throws {
        #expect(try await Self.outcome(status: 204) == nil)
    }

    @Test func retriesAnUnreachableReceiver() async throws {
        let port = try await LoopbackServer.run(Self.router(Received())) { port in port }
        do {
            try await Self.sink(port: port, path: "/ok").deliver(Self.message())
            Issue.record("delivered to a closed port")
        } catch {
            #expect(error.retryable)
        }
    }

    /// Probe 23.1: a receiver answering a redirect must not get the message, with its credentials, re-sent elsewhere.
    @Test(arguments: [301, 302, 303, 307, 308])
    func neverFollowsARedirect(status: Int) async throws {
        let received = Received()
        let error = try await LoopbackServer.run(Self.router(received)) { port -> DeliveryError? in
            let endpoint = OutboxEndpoint(
                url: URL(string: "http://127.0.0.1:\(port)/redirect/\(status)")!,
                headers: ["Authorization": "Bearer erp-secret"])
            do throws(DeliveryError) {
                try await HTTPOutboxSink(endpoints: ["erp": endpoint], timeout: 60).deliver(Self.message())
                return nil
            } catch {
                return error
            }
        }
        #expect(received.keys.withLock { $0 }.isEmpty, "the redirect target was called")
        #expect(error?.retryable == false)
        #expect(error?.message.contains("HTTP \(status)") == true)
        #expect(error?.message.contains("/elsewhere") == true)
    }

    @Test func refusesASystemWithoutAnEndpoint() async throws {
        var message = Self.message()
        message.targetSystem = "wms"
        do {
            try await Self.sink(port: 1, path: "/ok").deliver(message)
            Issue.record("delivered without an endpoint")
        } catch {
            #expect(!error.retryable)
        }
    }
}
