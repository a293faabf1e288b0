import Foundation
import TriageCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Where one system's messages are POSTed, with extra headers (values are secrets: never printed).
public struct OutboxEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The URL messages are POSTed to.
    public var url: URL
    /// Extra request headers by name; the values come from environment variables and are never shown.
    public var headers: [String: String]

    /// Creates an endpoint.
    public init(url: URL, headers: [String: String] = [:]) {
        self.url = url
        self.headers = headers
    }

    /// The URL and the header names only.
    public var description: String {
        headers.isEmpty
            ? url.absoluteString : "\(url.absoluteString) (headers: \(headers.keys.sorted().joined(separator: ", ")))"
    }
}

/// POSTs each message as JSON to the endpoint configured for its target system.
public struct HTTPOutboxSink: OutboxSink {
    let endpoints: [String: OutboxEndpoint]
    let session: URLSession
    let timeout: Double

    /// Creates a sink posting to `endpoints[targetSystem]`.
    public init(endpoints: [String: OutboxEndpoint], timeout: Double = 10) {
        self.endpoints = endpoints
        self.timeout = timeout
        // The session's delegate refuses redirects (swift-corelibs-foundation consults the session's delegate).
        self.session = URLSession(configuration: .ephemeral, delegate: RedirectRefusal.shared, delegateQueue: nil)
    }

    /// Creates a sink posting to bare URLs, without extra headers.
    public init(endpoints: [String: URL], timeout: Double = 10) {
        self.init(endpoints: endpoints.mapValues { OutboxEndpoint(url: $0) }, timeout: timeout)
    }

    /// Only systems with an endpoint: the others are left pending for a run that configures them.
    public func handles(system: String) -> Bool { endpoints[system] != nil }

    public func deliver(_ message: OutboxMessage) async throws(DeliveryError) {
        guard let endpoint = endpoints[message.targetSystem] else {
            throw DeliveryError(message: "no endpoint configured for \(message.targetSystem)", retryable: false)
        }
        var request = URLRequest(url: endpoint.url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        for (name, value) in endpoint.headers { request.setValue(value, forHTTPHeaderField: name) }
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(message.idempotencyKey, forHTTPHeaderField: "Idempotency-Key")
        do {
            request.httpBody = try JSONCoding.encoder().encode(OutboxEnvelope(message))
            let response = try await exchange(request, system: message.targetSystem)
            let status = response.statusCode
            if (300..<400).contains(status) {
                throw DeliveryError(
                    message: "\(message.targetSystem) answered HTTP \(status) redirecting to "
                        + "\(RedirectRefusal.location(of: response)); redirects are not followed",
                    retryable: false)
            }
            guard (200..<300).contains(status) else {
                throw DeliveryError(
                    message: "\(message.targetSystem) answered HTTP \(status)",
                    retryable: status == 408 || status == 429 || status >= 500)
            }
        } catch let error as DeliveryError {
            throw error
        } catch {
            throw DeliveryError(
                message: "\(message.targetSystem) unreachable: \(error.localizedDescription)", retryable: true)
        }
    }

    /// One POST; the session's delegate refuses redirects, so a 3xx comes back as the answer.
    private func exchange(_ request: URLRequest, system: String) async throws -> HTTPURLResponse {
        let (_, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else {
            throw DeliveryError(message: "\(system) answered without HTTP", retryable: true)
        }
        return http
    }
}
