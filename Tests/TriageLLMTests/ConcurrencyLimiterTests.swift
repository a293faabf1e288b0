import Synchronization
import Testing

@testable import TriageLLM

@Suite("ConcurrencyLimiter", .timeLimit(.minutes(5)))
struct ConcurrencyLimiterTests {
    @Test func neverAdmitsMoreThanTheLimit() async throws {
        let limiter = ConcurrencyLimiter(limit: 3)
        let counter = PeakCounter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<24 {
                group.addTask {
                    try await limiter.withPermit {
                        counter.enter()
                        for _ in 0..<20 { await Task.yield() }
                        counter.leave()
                    }
                }
            }
            try await group.waitForAll()
        }
        let peak = counter.peak
        #expect(peak <= 3)
        #expect(peak >= 1)
    }

    @Test func releaseHandsThePermitToAWaiter() async throws {
        let limiter = ConcurrencyLimiter(limit: 1)
        try await limiter.acquire()
        let admitted = Mutex(false)
        let waiter = Task {
            try await limiter.acquire()
            admitted.withLock { $0 = true }
        }
        while limiter.waiting == 0 { await Task.yield() }
        #expect(!admitted.withLock { $0 })
        limiter.release()
        try await waiter.value
        #expect(admitted.withLock { $0 })
        #expect(limiter.waiting == 0)
        // The permit went to the waiter rather than back to the pool: a third acquire must wait.
        let third = Task { try await limiter.acquire() }
        while limiter.waiting == 0 { await Task.yield() }
        #expect(limiter.waiting == 1)
        third.cancel()
        await #expect(throws: CancellationError.self) { try await third.value }
        limiter.release()
    }

    @Test func aCancelledWaiterThrowsAndLosesNoPermit() async throws {
        let limiter = ConcurrencyLimiter(limit: 1)
        try await limiter.acquire()
        let waiter = Task { try await limiter.acquire() }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        limiter.release()
        try await limiter.acquire()
        limiter.release()
    }
}

/// Counts holders and remembers the most at once.
final class PeakCounter: Sendable {
    private let counts = Mutex((current: 0, peak: 0))

    func enter() {
        counts.withLock { counts in
            counts.current += 1
            counts.peak = max(counts.peak, counts.current)
        }
    }

    func leave() {
        counts.withLock { $0.current -= 1 }
    }

    var peak: Int { counts.withLock { $0.peak } }
}
