import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TriageCore

/// Why a delivery attempt failed.
public struct DeliveryError: Error, Sendable, Hashable {
    /// What happened, without payload or credentials.
    public var message: String
    /// True when a later attempt may succeed (timeouts, 5xx, 429).
    public var retryable: Bool

    /// Creates a delivery error.
    public init(message: String, retryable: Bool) {
        self.message = message
        self.retryable = retryable
    }
}

/// Somewhere outbox messages are delivered to.
public protocol OutboxSink: Sendable {
    /// Delivers one message; throws `DeliveryError` when it was not accepted.
    func deliver(_ message: OutboxMessage) async throws(DeliveryError)
}

/// Appends each message as one JSON line to a file: the default when no endpoint is configured.
public struct JSONLFileSink: OutboxSink {
    let url: URL

    /// Creates a sink appending to `url` (created if missing).
    public init(url: URL) { self.url = url }

    public func deliver(_ message: OutboxMessage) async throws(DeliveryError) {
        do {
            var line = try JSONCoding.encoder().encode(OutboxEnvelope(message))
            line.append(UInt8(ascii: "\n"))
            if !FileManager.default.fileExists(atPath: url.path) {
                FileManager.default.createFile(atPath: url.path, contents: nil)
            }
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: line)
        } catch {
            throw DeliveryError(message: "cannot append to \(url.lastPathComponent): \(error)", retryable: true)
        }
    }
}

/// POSTs each message as JSON to the endpoint configured for its target system.
public struct HTTPOutboxSink: OutboxSink {
    let endpoints: [String: URL]
    let session: URLSession
    let timeout: Double

    /// Creates a sink posting to `endpoints[targetSystem]`.
    public init(endpoints: [String: URL], timeout: Double = 10) {
        self.endpoints = endpoints
        self.timeout = timeout
        self.session = URLSession(configuration: .ephemeral)
    }

    public func deliver(_ message: OutboxMessage) async throws(DeliveryError) {
        guard let url = endpoints[message.targetSystem] else {
            throw DeliveryError(message: "no endpoint configured for \(message.targetSystem)", retryable: false)
        }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(message.idempotencyKey, forHTTPHeaderField: "Idempotency-Key")
        do {
            request.httpBody = try JSONCoding.encoder().encode(OutboxEnvelope(message))
            let (_, response) = try await session.data(for: request)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            guard (200..<300).contains(status) else {
                throw DeliveryError(
                    message: "\(message.targetSystem) answered HTTP \(status)",
                    retryable: status == 408 || status == 429 || status >= 500)
            }
        } catch let error as DeliveryError {
            throw error
        } catch {
            throw DeliveryError(message: "\(message.targetSystem) unreachable: \(error.localizedDescription)", retryable: true)
        }
    }
}

/// The body sent for one message.
struct OutboxEnvelope: Encodable {
    let id: Int64
    let idempotencyKey: String
    let targetSystem: String
    let type: String
    let payload: JSONValue

    init(_ message: OutboxMessage) {
        id = message.id
        idempotencyKey = message.idempotencyKey
        targetSystem = message.targetSystem
        type = message.messageType
        payload = message.payload
    }

    enum CodingKeys: String, CodingKey {
        case id, type, payload
        case idempotencyKey = "idempotency_key"
        case targetSystem = "target_system"
    }
}
