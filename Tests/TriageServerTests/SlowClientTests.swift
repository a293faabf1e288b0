import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TriageCore
import TriageServer

#if canImport(Glibc)
    import Glibc
#endif

/// Probe 23.9: 600 slow-header and slow-body connections were all still open after 70 s.
@Suite("Slow clients are cut off", .serialized, .timeLimit(.minutes(3)))
struct SlowClientTests {
    static func server(_ fixture: ServerFixture) throws -> some ApplicationProtocol {
        var settings = ServerSettings(port: 0, returnsSecret: ServerFixture.returnsSecret)
        settings.idleSeconds = 1
        let context = ReviewContext(
            store: fixture.database, routing: fixture.database, table: fixture.table, settings: settings,
            now: { ServerFixture.now })
        return try ReviewServer.application(context)
    }

    @Test("a connection that never finishes its request head is closed after the idle timeout")
    func slowHeaderIsClosed() async throws {
        let app = try Self.server(try await ServerFixture())
        try await app.test(.live) { client in
            let socket = try RawSocket(port: try #require(client.port))
            defer { socket.close() }
            socket.send("POST /webhooks/returns HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            // The idle timeout is 1 s; a loaded CI machine (fault tests killing processes beside this one) gets a
            // minute before the test calls the connection kept open.
            #expect(await socket.waitForClose(seconds: 60), "the server kept a half-sent request head open")
        }
    }

    @Test("a body trickled a byte at a time is cut off: closed, or answered 408 at the body deadline")
    func slowBodyIsRefused() async throws {
        let app = try Self.server(try await ServerFixture())
        try await app.test(.live) { client in
            let socket = try RawSocket(port: try #require(client.port))
            defer { socket.close() }
            socket.send("POST /webhooks/returns HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n")
            // The body deadline is 15 s; as for the slow header, a loaded CI machine gets a minute before the test
            // calls the connection kept open.
            var answer: String? = ""
            for _ in 0..<120 where answer?.isEmpty == true {
                socket.send("x")
                try await Task.sleep(for: .milliseconds(500))
                answer = socket.readAvailable()
            }
            #expect(answer == nil || answer?.hasPrefix("HTTP/1.1 408") == true, "answer: \(answer?.prefix(80) ?? "")")
        }
    }
}

/// Probe 23: `Origin` was compared with the request's own `Host`, which a rebound DNS name sets as it likes.
@Suite("Origin against the configured address", .timeLimit(.minutes(3)))
struct RebindingTests {
    /// The status line of a bearer POST with these `Host` and `Origin` headers, over a real socket.
    static func status(host: String, origin: String) async throws -> String {
        let fixture = try await ServerFixture()
        let app = try SlowClientTests.server(fixture)
        let (token, card) = (fixture.alice, fixture.warrantyCardID)
        return try await app.test(.live) { client in
            let socket = try RawSocket(port: try #require(client.port))
            defer { socket.close() }
            socket.send(
                "POST /api/v1/cards/\(card)/lock HTTP/1.1\r\nHost: \(host)\r\nOrigin: \(origin)\r\n"
                    + "Authorization: Bearer \(token)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return String(await socket.readAll().prefix(300))
        }
    }

    @Test("a foreign Origin is 403 even when the Host header names the same foreign host")
    func rebindingIsRefused() async throws {
        let status = try await Self.status(host: "evil.example:8080", origin: "http://evil.example:8080")
        #expect(status.hasPrefix("HTTP/1.1 403"), "\(status)")
    }

    @Test("the loopback address the browser used is this server's")
    func loopbackIsAccepted() async throws {
        let status = try await Self.status(host: "127.0.0.1:9", origin: "http://127.0.0.1:9")
        #expect(status.hasPrefix("HTTP/1.1 200"), "\(status)")
    }
}

/// A blocking IPv4 TCP client for the loopback server, byte by byte as a slow client would send.
struct RawSocket {
    let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw CocoaError(.fileReadUnknown) }
    }

    func send(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { Glibc.send(descriptor, $0.baseAddress, $0.count - 1, Int32(MSG_NOSIGNAL)) }
    }

    /// True when the server closes the connection within `seconds`. Polls without blocking: the server's
    /// handlers run on the same cooperative threads as the test.
    func waitForClose(seconds: Int) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if readAvailable() == nil { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return readAvailable() == nil
    }

    /// Whatever the server sent so far, without waiting; nil once the server closed the connection.
    func readAvailable() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(descriptor, &buffer, buffer.count, Int32(MSG_DONTWAIT))
        if count > 0 { return String(decoding: buffer[0..<count], as: UTF8.self) }
        return count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) ? nil : ""
    }

    /// Everything the server sends until it closes (or 10 s pass), polling without blocking.
    func readAll() async -> String {
        var received = ""
        for _ in 0..<200 {
            guard let more = readAvailable() else { break }
            received += more
            try? await Task.sleep(for: .milliseconds(50))
        }
        return received
    }

    func close() { _ = Glibc.close(descriptor) }
}
