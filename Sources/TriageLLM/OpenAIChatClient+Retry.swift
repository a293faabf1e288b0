import Foundation
import Logging
import TriageCore

extension OpenAIChatClient {
    /// A failed attempt: what the retry policy sees, and what the caller gets if it is the last.
    struct AttemptFailure: Sendable {
        var outcome: RetryPolicy.Outcome
        var error: ChatError
    }

    /// Sends `post` until it gets a 2xx or the retry policy stops; returns the 2xx reply.
    func send(_ post: HTTPPost) async throws(ChatError) -> HTTPReply {
        var attempt = 1
        while true {
            let failure: AttemptFailure
            do throws(TransportError) {
                let reply = try await attemptOnce(post)
                if reply.isSuccess { return reply }
                failure = self.failure(for: reply)
            } catch .cancelled {
                throw .transport(model: model, message: "cancelled")
            } catch {
                failure = self.failure(for: error)
            }
            try await wait(after: failure, attempt: attempt)
            attempt += 1
        }
    }

    /// One exchange holding a concurrency permit; the permit is not held while backing off.
    private func attemptOnce(_ post: HTTPPost) async throws(TransportError) -> HTTPReply {
        do {
            try await limiter.acquire()
        } catch {
            throw .cancelled
        }
        defer { limiter.release() }
        return try await transport.post(post)
    }

    /// Sleeps before the next attempt, or throws the failure's error when the policy stops.
    private func wait(after failure: AttemptFailure, attempt: Int) async throws(ChatError) {
        let reason = Self.reason(failure.outcome)
        guard case .retry(let delay) = policy.decision(after: failure.outcome, attempt: attempt, jitter: jitter())
        else {
            logger.error("llm call failed", metadata: ["attempt": "\(attempt)", "reason": "\(reason)"])
            throw failure.error
        }
        logger.warning(
            "llm call retrying",
            metadata: ["attempt": "\(attempt)", "reason": "\(reason)", "delay_ms": "\(Int(delay.seconds * 1000))"])
        do {
            try await sleep(delay)
        } catch {
            throw failure.error
        }
    }

    private func failure(for reply: HTTPReply) -> AttemptFailure {
        let retryAfter = RetryAfter.delay(from: reply.header("retry-after"), now: now())
        return AttemptFailure(
            outcome: .status(reply.status, retryAfter: retryAfter), error: .http(model: model, status: reply.status))
    }

    private func failure(for error: TransportError) -> AttemptFailure {
        switch error {
        case .timeout:
            AttemptFailure(outcome: .timeout, error: .timeout(model: model, seconds: configuration.timeout.seconds))
        case .connection(let reason):
            AttemptFailure(outcome: .transport, error: .transport(model: model, message: reason))
        case .cancelled:
            AttemptFailure(outcome: .transport, error: .transport(model: model, message: "cancelled"))
        }
    }

    private static func reason(_ outcome: RetryPolicy.Outcome) -> String {
        switch outcome {
        case .status(let status, _): "status \(status)"
        case .timeout: "timeout"
        case .transport: "transport"
        }
    }
}
