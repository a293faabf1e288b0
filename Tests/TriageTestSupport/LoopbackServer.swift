import Foundation
import Hummingbird
import Logging

/// Why a loopback server could not start.
public enum LoopbackServerError: Error {
    /// The server reported no port.
    case noPort
}

/// Serves a Hummingbird router on 127.0.0.1, port 0, for the duration of one closure: the one loopback server
/// every test target uses (chat-completions stubs, outbox receivers).
public enum LoopbackServer {
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
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else { throw LoopbackServerError.noPort }
            let result = try await body(port)
            group.cancelAll()
            return result
        }
    }

    /// The API root of a chat-completions stub on `port`.
    public static func apiRoot(port: Int) -> URL {
        URL(string: "http://127.0.0.1:\(port)/v1")!
    }

    private static var quietLogger: Logger {
        var logger = Logger(label: "loopback-stub")
        logger.logLevel = .critical
        return logger
    }
}
