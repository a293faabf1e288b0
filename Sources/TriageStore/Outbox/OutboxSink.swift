import Foundation
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
    /// True when this sink can deliver to `system`; messages for other systems stay pending, untouched.
    func handles(system: String) -> Bool
}

extension OutboxSink {
    /// By default a sink takes every system (a file sink does).
    public func handles(system: String) -> Bool { true }
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
            let written = Result {
                try handle.seekToEnd()
                try handle.write(contentsOf: line)
            }
            let closed = Result { try handle.close() }
            try written.get()
            try closed.get()
        } catch {
            let reason = (error as? CocoaError).map(FileErrorText.describe) ?? "\(url.lastPathComponent): \(error)"
            throw DeliveryError(message: "cannot append to \(reason)", retryable: true)
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
