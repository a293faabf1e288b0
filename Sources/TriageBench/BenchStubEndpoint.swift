import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// A chat-completions stub on 127.0.0.1 (port chosen by the system) that answers every call after a fixed latency.
///
/// It runs in the benchmark's own process so no network or model sits between the worker and its ideal rate.
enum BenchStubEndpoint {
    /// The canned reply: a valid chat completion whose content is an empty JSON object.
    static let reply =
        #"{"model":"stub-model","choices":[{"index":0,"message":{"role":"assistant","content":"{}"}}],"#
        + #""usage":{"prompt_tokens":10,"completion_tokens":2}}"#

    /// Serves the stub while `body` runs with its base URL (`http://127.0.0.1:<port>/v1`), then stops it.
    static func serve<T: Sendable>(
        latency: Duration, stats: BenchStubStats, _ body: @Sendable (URL) async throws -> T
    ) async throws -> T {
        var logger = Logger(label: "triage.bench.stub")
        logger.logLevel = .warning
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router(latency: latency, stats: stats),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }, logger: logger)
        let services = ServiceGroup(configuration: .init(services: [app], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            var iterator = ports.makeAsyncIterator()
            let port = await iterator.next() ?? 0
            guard port > 0, let url = URL(string: "http://127.0.0.1:\(port)/v1") else {
                throw BenchError("the stub endpoint did not start")
            }
            let result = try await body(url)
            await services.triggerGracefulShutdown()
            try await group.waitForAll()
            return result
        }
    }

    /// `POST /v1/chat/completions`: waits `latency`, then sends the canned reply.
    private static func router(latency: Duration, stats: BenchStubStats) -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/v1/chat/completions") { _, _ -> Response in
            stats.began()
            defer { stats.ended() }
            try await Task.sleep(for: latency)
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: .init(string: reply)))
        }
        return router
    }
}

/// Calls the stub has in flight, and the most it ever had, so a run can show the concurrency it really reached.
final class BenchStubStats: Sendable {
    private struct Counts {
        var inFlight = 0
        var peak = 0
        var calls = 0
    }
    private let counts = Mutex(Counts())

    /// The most calls in flight at once since the last `reset()`.
    var peak: Int { counts.withLock { $0.peak } }
    /// Calls received since the last `reset()`.
    var calls: Int { counts.withLock { $0.calls } }

    /// Counts a call that arrived.
    func began() {
        counts.withLock {
            $0.inFlight += 1
            $0.calls += 1
            $0.peak = max($0.peak, $0.inFlight)
        }
    }

    /// Counts a call that was answered.
    func ended() { counts.withLock { $0.inFlight -= 1 } }

    /// Starts counting afresh (calls still in flight stay counted as in flight).
    func reset() { counts.withLock { $0 = Counts(inFlight: $0.inFlight) } }
}
