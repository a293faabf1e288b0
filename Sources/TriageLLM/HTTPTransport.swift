import Foundation

/// One HTTP POST to send.
public struct HTTPPost: Sendable, Hashable {
    /// The target URL.
    public var url: URL
    /// Request headers; the API key travels here and nowhere else.
    public var headers: [String: String]
    /// The request body.
    public var body: Data
    /// The longest the exchange may take.
    public var timeout: Duration

    /// Creates a request.
    public init(url: URL, headers: [String: String], body: Data, timeout: Duration) {
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// The answer to an ``HTTPPost``: any status, including errors.
public struct HTTPReply: Sendable, Hashable {
    /// The HTTP status code.
    public var status: Int
    /// Response headers, names lower-cased.
    public var headers: [String: String]
    /// The response body.
    public var body: Data

    /// Creates a reply; header names are lower-cased.
    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        self.body = body
    }

    /// The value of a header, matched case-insensitively.
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    /// True for a 2xx status.
    public var isSuccess: Bool { (200..<300).contains(status) }
}

/// Why an HTTP exchange produced no reply at all.
public enum TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No complete reply within the timeout.
    case timeout
    /// The connection could not be made or was lost; the reason is safe to log (no URL secrets, no body).
    case connection(reason: String)
    /// The caller's task was cancelled.
    case cancelled

    /// A short reason, safe to log.
    public var description: String {
        switch self {
        case .timeout: "timed out"
        case .connection(let reason): "connection failed: \(reason)"
        case .cancelled: "cancelled"
        }
    }
}

/// Sends HTTP POSTs; the seam that lets tests and other HTTP stacks replace `URLSession`.
public protocol HTTPTransport: Sendable {
    /// Sends a request and returns whatever status came back; throws only when no reply arrived.
    func post(_ request: HTTPPost) async throws(TransportError) -> HTTPReply

    /// Sends a GET (`request.body` is ignored) and returns whatever status came back; throws only when no reply
    /// arrived.
    func get(_ request: HTTPPost) async throws(TransportError) -> HTTPReply
}
