import Foundation

/// When to retry a failed chat call and how long to wait first: exponential backoff with full jitter,
/// honouring `Retry-After`. Pure: the caller supplies the jitter draw.
public struct RetryPolicy: Sendable, Hashable {
    /// What one attempt came to, as far as retrying is concerned.
    public enum Outcome: Sendable, Hashable {
        /// The endpoint answered with a non-2xx status and maybe a parsed `Retry-After`.
        case status(Int, retryAfter: Duration?)
        /// No reply within the timeout.
        case timeout
        /// The connection could not be made or was lost.
        case transport
    }

    /// What to do after a failed attempt.
    public enum Decision: Sendable, Hashable {
        /// Wait this long, then try again.
        case retry(after: Duration)
        /// Give up and report the failure.
        case stop
    }

    /// The most attempts per call, the first included.
    public var maxAttempts: Int
    /// The backoff ceiling before the first retry.
    public var baseBackoff: Duration
    /// The largest backoff ceiling.
    public var maxBackoff: Duration
    /// The longest `Retry-After` honoured.
    public var maxRetryAfter: Duration

    /// Creates a policy.
    public init(maxAttempts: Int, baseBackoff: Duration, maxBackoff: Duration, maxRetryAfter: Duration) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseBackoff = baseBackoff
        self.maxBackoff = maxBackoff
        self.maxRetryAfter = maxRetryAfter
    }

    /// The decision after attempt number `attempt` (1-based) ended in `outcome`.
    ///
    /// - Parameter jitter: a draw in `0...1` that picks the delay within the backoff ceiling.
    public func decision(after outcome: Outcome, attempt: Int, jitter: Double) -> Decision {
        guard isRetryable(outcome), attempt < maxAttempts else { return .stop }
        if let retryAfter = honouredRetryAfter(outcome) {
            return .retry(after: min(retryAfter, maxRetryAfter))
        }
        return .retry(after: backoff(attempt: attempt, jitter: jitter))
    }

    /// True for time-outs, transport failures, 408, 429 and 5xx; never for other 4xx.
    public func isRetryable(_ outcome: Outcome) -> Bool {
        switch outcome {
        case .timeout, .transport: true
        case .status(let status, _): status == 408 || status == 429 || (500...599).contains(status)
        }
    }

    /// The backoff ceiling after attempt `attempt`: `baseBackoff × 2^(attempt − 1)`, at most `maxBackoff`.
    public func ceiling(attempt: Int) -> Duration {
        let exponent = Double(max(0, min(attempt - 1, 62)))
        let seconds = baseBackoff.seconds * pow(2, exponent)
        return seconds >= maxBackoff.seconds ? maxBackoff : .seconds(seconds)
    }

    /// Full jitter: `jitter × ceiling(attempt)`, with `jitter` clamped to `0...1`.
    public func backoff(attempt: Int, jitter: Double) -> Duration {
        let draw = jitter.isFinite ? min(max(jitter, 0), 1) : 1
        return ceiling(attempt: attempt) * draw
    }

    /// `Retry-After` counts only on 429 and 503, the statuses that define it for back-pressure.
    private func honouredRetryAfter(_ outcome: Outcome) -> Duration? {
        guard case .status(let status, let retryAfter?) = outcome, status == 429 || status == 503 else {
            return nil
        }
        return max(retryAfter, .zero)
    }
}
