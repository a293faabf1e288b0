import Foundation
import Testing

@testable import TriageCore

@Suite struct AIJobRetryPolicyTests {
    let job = AIJob(id: 1, exceptionID: 1, task: .invoice, state: .leased, attempts: 1, notBefore: Date(timeIntervalSince1970: 0))

    @Test func backoffGrowsWithAttemptsAndStaysWithinJitterBounds() {
        let policy = AIJobRetryPolicy(maxAttempts: 5, baseDelay: 2, maxDelay: 100)
        let now = Date(timeIntervalSince1970: 1_000)
        var third = job
        third.attempts = 3
        let low = policy.failed(third, error: "e", retryable: true, now: now, jitter: 0)
        let high = policy.failed(third, error: "e", retryable: true, now: now, jitter: 1)
        #expect(low.state == .queued)
        #expect(low.notBefore.timeIntervalSince(now) == 4)
        #expect(high.notBefore.timeIntervalSince(now) == 8)
    }

    @Test func nonRetryableOrLastAttemptIsDead() {
        let policy = AIJobRetryPolicy(maxAttempts: 2)
        #expect(policy.failed(job, error: "400", retryable: false, now: Date(), jitter: 0).state == .dead)
        var last = job
        last.attempts = 2
        #expect(policy.failed(last, error: "503", retryable: true, now: Date(), jitter: 0).state == .dead)
    }
}

@Suite struct OutboxDeliveryPolicyTests {
    @Test func failedMessageBacksOffThenFailsForGood() {
        let policy = OutboxDeliveryPolicy(maxAttempts: 2, baseDelay: 3)
        let message = OutboxMessage(
            id: 1, exceptionID: nil, targetSystem: "erp", messageType: "t", payload: [:], idempotencyKey: "k",
            state: .pending, attempts: 0, nextAttemptAt: Date(timeIntervalSince1970: 0))
        let now = Date(timeIntervalSince1970: 10)
        let once = policy.failed(message, error: "503", retryable: true, now: now)
        #expect(once.state == .pending)
        #expect(once.nextAttemptAt == now.addingTimeInterval(3))
        #expect(policy.failed(once, error: "503", retryable: true, now: now).state == .failed)
        #expect(policy.delivered(message).state == .delivered)
    }
}
