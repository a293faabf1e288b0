import Foundation

/// Why the endpoint did not answer a probe.
public struct EndpointProbeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The API root that was probed (never holds the key).
    public let baseURL: URL
    /// What went wrong: a transport failure or an unexpected status.
    public let reason: String

    /// A short message, safe to print.
    public var description: String { "\(baseURL.absoluteString): \(reason)" }
}

/// Checks that an OpenAI-compatible endpoint answers (`GET {base}/models` with 200) before a run relies on it.
public struct EndpointProbe: Sendable {
    /// The endpoint and its key.
    public let configuration: LLMConfiguration
    let transport: any HTTPTransport
    let timeout: Duration

    /// Creates a probe; it gives up after `timeout`.
    public init(
        configuration: LLMConfiguration, transport: any HTTPTransport = CurlTransport(),
        timeout: Duration = .seconds(5)
    ) {
        self.configuration = configuration
        self.transport = transport
        self.timeout = timeout
    }

    /// Returns when the endpoint answered 200; throws with the reason otherwise.
    public func check() async throws(EndpointProbeError) {
        let request = HTTPPost(
            url: configuration.modelsURL, headers: configuration.authorizationHeaders, body: Data(), timeout: timeout)
        let reply: HTTPReply
        do {
            reply = try await transport.get(request)
        } catch {
            throw EndpointProbeError(baseURL: configuration.baseURL, reason: error.description)
        }
        guard reply.status == 200 else {
            throw EndpointProbeError(baseURL: configuration.baseURL, reason: "status \(reply.status)")
        }
    }
}
