import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// Why a loopback server could not start.
public enum LoopbackServerError: Error {
    /// The server reported no port.
    case noPort
}

/// Serves a Hummingbird router on 127.0.0.1, port 0, for the duration of one closure: the one loopback server
/// every test target uses (chat-completions stubs, outbox receivers).
///
/// The server stops with a graceful shutdown, not by cancelling its task: cancelling NIO's async server while a
/// connection sits accepted but not yet served traps ("Deinited NIOAsyncWriter without calling finish()",
/// apple/swift-nio#2637), which is what a loaded CI machine hit. A handler still busy after `shutdownGrace` (a
/// hanging-endpoint stub) is cancelled instead, so a stop can never hang a test.
public enum LoopbackServer {
    /// How long a graceful stop may wait for in-flight handlers before the server is cancelled.
    public static let shutdownGrace: Duration = .seconds(15)

    /// Starts `router`, runs `body` with the port the system chose, then stops the server.
    public static func run<T: Sendable>(
        _ router: Router<BasicRequestContext>, _ body: @Sendable (_ port: Int) async throws -> T
    ) async throws -> T {
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: quietLogger)
        let services = ServiceGroup(
            configuration: .init(services: [app], gracefulShutdownSignals: [], logger: quietLogger))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else {
                await stop(services, group: &group)
                throw LoopbackServerError.noPort
            }
            let result: Result<T, any Error>
            do { result = .success(try await body(port)) } catch { result = .failure(error) }
            await stop(services, group: &group)
            return try result.get()
        }
    }

    /// The API root of a chat-completions stub on `port`.
    public static func apiRoot(port: Int) -> URL {
        URL(string: "http://127.0.0.1:\(port)/v1")!
    }

    /// Shuts the server down gracefully, cancelling it only if in-flight handlers outlast `shutdownGrace`.
    private static func stop(_ services: ServiceGroup, group: inout ThrowingTaskGroup<Void, any Error>) async {
        await services.triggerGracefulShutdown()
        group.addTask {
            try await Task.sleep(for: shutdownGrace)
            throw CancellationError()
        }
        _ = try? await group.next()
        group.cancelAll()
        try? await group.waitForAll()
    }

    private static var quietLogger: Logger {
        var logger = Logger(label: "loopback-stub")
        logger.logLevel = .critical
        return logger
    }
}
