import Testing

@testable import TriageLLM

@Suite("RetryPolicy")
struct RetryPolicyTests {
    let policy = RetryPolicy(
        maxAttempts: 4, baseBackoff: .milliseconds(500), maxBackoff: .seconds(20), maxRetryAfter: .seconds(60))

    @Test func backoffCeilingDoublesWithEveryRetry() {
        #expect(policy.ceiling(attempt: 1) == .milliseconds(500))
        #expect(policy.ceiling(attempt: 2) == .seconds(1))
        #expect(policy.ceiling(attempt: 3) == .seconds(2))
        #expect(policy.ceiling(attempt: 4) == .seconds(4))
    }

    @Test func backoffCeilingIsCappedAtMaxBackoff() {
        #expect(policy.ceiling(attempt: 7) == .seconds(20))
        #expect(policy.ceiling(attempt: 500) == .seconds(20))
    }

    @Test func fullJitterPicksWithinTheCeiling() {
        #expect(policy.backoff(attempt: 3, jitter: 0) == .zero)
        #expect(policy.backoff(attempt: 3, jitter: 0.25) == .milliseconds(500))
        #expect(policy.backoff(attempt: 3, jitter: 1) == .seconds(2))
        #expect(policy.backoff(attempt: 3, jitter: 7) == .seconds(2))
    }

    @Test func retryDelayUsesJitteredBackoff() {
        #expect(
            policy.decision(after: .status(500, retryAfter: nil), attempt: 2, jitter: 0.5)
                == .retry(after: .milliseconds(500)))
        #expect(policy.decision(after: .timeout, attempt: 1, jitter: 1) == .retry(after: .milliseconds(500)))
    }

    @Test(arguments: [429, 503])
    func retryAfterIsHonouredOnBackPressure(status: Int) {
        let decision = policy.decision(after: .status(status, retryAfter: .seconds(7)), attempt: 1, jitter: 0)
        #expect(decision == .retry(after: .seconds(7)))
    }

    @Test func retryAfterIsIgnoredOnOtherStatuses() {
        let decision = policy.decision(after: .status(500, retryAfter: .seconds(7)), attempt: 1, jitter: 1)
        #expect(decision == .retry(after: .milliseconds(500)))
    }

    @Test func retryAfterIsCapped() {
        let decision = policy.decision(after: .status(429, retryAfter: .seconds(3600)), attempt: 1, jitter: 0)
        #expect(decision == .retry(after: .seconds(60)))
    }

    @Test(arguments: [400, 401, 403, 404, 422])
    func clientErrorsAreNeverRetried(status: Int) {
        #expect(policy.decision(after: .status(status, retryAfter: .seconds(1)), attempt: 1, jitter: 0.5) == .stop)
    }

    @Test(arguments: [408, 429, 500, 502, 503, 504])
    func transientStatusesAreRetried(status: Int) {
        #expect(policy.isRetryable(.status(status, retryAfter: nil)))
    }

    @Test func timeoutsAndTransportFailuresAreRetried() {
        #expect(policy.isRetryable(.timeout))
        #expect(policy.isRetryable(.transport))
    }

    @Test func stopsAfterTheLastAttempt() {
        #expect(policy.decision(after: .timeout, attempt: 3, jitter: 0.5) != .stop)
        #expect(policy.decision(after: .timeout, attempt: 4, jitter: 0.5) == .stop)
    }
}
