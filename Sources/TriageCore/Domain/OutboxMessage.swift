import Foundation

/// Where an outbox message is.
public enum OutboxState: String, Sendable, Codable, Hashable {
    /// Not yet delivered; will be tried at `nextAttemptAt`.
    case pending
    /// The receiving system acknowledged it.
    case delivered
    /// Every attempt failed; a person must look.
    case failed
}

/// A stored outbox message confirming an executed action to its originating system.
public struct OutboxMessage: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var exceptionID: Int64?
    public var targetSystem: String
    public var messageType: String
    public var payload: JSONValue
    public var idempotencyKey: String
    public var state: OutboxState
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?

    /// Creates a stored message.
    public init(
        id: Int64, exceptionID: Int64?, targetSystem: String, messageType: String, payload: JSONValue,
        idempotencyKey: String, state: OutboxState, attempts: Int, nextAttemptAt: Date, lastError: String? = nil
    ) {
        self.id = id
        self.exceptionID = exceptionID
        self.targetSystem = targetSystem
        self.messageType = messageType
        self.payload = payload
        self.idempotencyKey = idempotencyKey
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
    }
}

/// The delivery lifecycle of one outbox message as a pure state machine.
public struct OutboxDeliveryPolicy: Sendable, Hashable {
    /// Attempts before a message is marked failed.
    public var maxAttempts: Int
    /// Delay before the second attempt; doubles each time.
    public var baseDelay: Double
    /// Longest delay between attempts.
    public var maxDelay: Double

    /// Creates a policy.
    public init(maxAttempts: Int = 8, baseDelay: Double = 2, maxDelay: Double = 600) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The message after a successful delivery.
    public func delivered(_ message: OutboxMessage) -> OutboxMessage {
        var next = message
        next.state = .delivered
        next.attempts += 1
        next.lastError = nil
        return next
    }

    /// The message after a failed attempt: retried later with exponential backoff, or failed for good.
    public func failed(_ message: OutboxMessage, error: String, retryable: Bool, now: Date) -> OutboxMessage {
        var next = message
        next.attempts += 1
        next.lastError = error
        if !retryable || next.attempts >= maxAttempts {
            next.state = .failed
        } else {
            let delay = min(maxDelay, baseDelay * pow(2, Double(next.attempts - 1)))
            next.nextAttemptAt = now.addingTimeInterval(delay)
        }
        return next
    }
}
