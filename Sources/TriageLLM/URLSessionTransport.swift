import Foundation
import TriageCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// An ``HTTPTransport`` over `URLSession` (libcurl on Linux) with a hard per-request deadline.
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession

    /// Creates a transport with its own ephemeral session (no cookies, no cache).
    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        // Linux URLSession allows 6 connections per host by default; the concurrency limit is enforced above.
        configuration.httpMaximumConnectionsPerHost = 64
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        // Redirects are answered as they are: the API key is never re-sent to a host nobody configured.
        self.session = URLSession(configuration: configuration, delegate: RedirectRefusal.shared, delegateQueue: nil)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    /// Sends the request; the whole exchange is bounded by `request.timeout`.
    public func post(_ request: HTTPPost) async throws(TransportError) -> HTTPReply {
        try await send(Self.urlRequest(for: request, method: "POST"), timeout: request.timeout)
    }

    /// Sends a GET without a body; the whole exchange is bounded by `request.timeout`.
    public func get(_ request: HTTPPost) async throws(TransportError) -> HTTPReply {
        try await send(Self.urlRequest(for: request, method: "GET"), timeout: request.timeout)
    }

    private func send(_ urlRequest: URLRequest, timeout: Duration) async throws(TransportError) -> HTTPReply {
        let outcome = await withTaskGroup(of: Result<HTTPReply, TransportError>.self) { group in
            group.addTask { await self.exchange(urlRequest) }
            group.addTask { await Self.deadline(after: timeout) }
            let first = await group.next() ?? .failure(.cancelled)
            group.cancelAll()
            return first
        }
        return try outcome.get()
    }

    private func exchange(_ request: URLRequest) async -> Result<HTTPReply, TransportError> {
        do {
            let (data, response) = try await session.data(for: request)
            guard let http = response as? HTTPURLResponse else {
                return .failure(.connection(reason: "not an HTTP response"))
            }
            return .success(HTTPReply(status: http.statusCode, headers: Self.headers(of: http), body: data))
        } catch let error as URLError {
            return .failure(Self.transportError(for: error))
        } catch is CancellationError {
            return .failure(.cancelled)
        } catch {
            return .failure(.connection(reason: String(describing: type(of: error))))
        }
    }

    /// Fails with `.timeout` after the deadline, or `.cancelled` when the exchange finished first.
    private static func deadline(after timeout: Duration) async -> Result<HTTPReply, TransportError> {
        do {
            try await Task.sleep(for: timeout)
            return .failure(.timeout)
        } catch {
            return .failure(.cancelled)
        }
    }

    private static func urlRequest(for request: HTTPPost, method: String) -> URLRequest {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = method
        if method == "POST" { urlRequest.httpBody = request.body }
        // The deadline race in `post` is the real bound. swift-corelibs-foundation arms its own timer with
        // `Int(timeoutInterval) * 1000` ms, so a sub-second value would become 0 ms and fire at once; its
        // timer is only a backstop here, rounded up and a second past the deadline.
        urlRequest.timeoutInterval = request.timeout.seconds.rounded(.up) + 1
        for (name, value) in request.headers {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        return urlRequest
    }

    private static func headers(of response: HTTPURLResponse) -> [String: String] {
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            if let name = name as? String, let value = value as? String {
                headers[name.lowercased()] = value
            }
        }
        return headers
    }
}

extension URLSessionTransport {
    /// Maps a `URLError` to a transport error: time-outs apart from every way a connection can fail.
    static func transportError(for error: URLError) -> TransportError {
        switch error.code {
        case .timedOut: .timeout
        case .cancelled: .cancelled
        case .cannotConnectToHost: .connection(reason: "cannot connect to host")
        case .networkConnectionLost: .connection(reason: "connection lost")
        case .cannotFindHost, .dnsLookupFailed: .connection(reason: "cannot find host")
        case .notConnectedToInternet: .connection(reason: "not connected")
        case .badServerResponse: .connection(reason: "bad server response")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            .connection(reason: "TLS failure")
        default: .connection(reason: "URLError \(error.code.rawValue)")
        }
    }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
