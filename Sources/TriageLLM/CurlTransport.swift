import Foundation
import TriageCore

/// An ``HTTPTransport`` over libcurl's multi interface (``CurlMulti``): one thread for every request of the process,
/// asleep while it waits, each exchange bounded by the request's timeout (`CURLOPT_TIMEOUT_MS`).
public struct CurlTransport: HTTPTransport {
    /// A transport on the process's transfer loop.
    public init() {}

    /// Sends the request; the whole exchange is bounded by `request.timeout`.
    public func post(_ request: HTTPPost) async throws(TransportError) -> HTTPReply {
        try await CurlMulti.shared.send(request, method: "POST").get()
    }

    /// Sends a GET without a body; the whole exchange is bounded by `request.timeout`.
    public func get(_ request: HTTPPost) async throws(TransportError) -> HTTPReply {
        try await CurlMulti.shared.send(request, method: "GET").get()
    }
}
