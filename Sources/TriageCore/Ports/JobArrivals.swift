import Foundation
import Synchronization

/// Wake-ups for an idle worker: a store that can tell when jobs arrive (PostgreSQL's `LISTEN/NOTIFY`) lets the worker
/// wait on this instead of polling. Polling stays the fallback, for jobs that become due without an arrival (a retry's
/// backoff ends, a lease runs out) and for a listener that lost its connection.
public protocol JobArrivals: Sendable {
    /// Returns when jobs may have arrived, or after `seconds` at the latest.
    func waitForJobs(upTo seconds: Double) async
}

/// A bell that wakes whoever waits when it rings, and remembers one ring nobody waited for.
public final class Doorbell: JobArrivals {
    private let state = Mutex((rung: false, waiters: [UUID: CheckedContinuation<Void, Never>]()))

    /// Creates a quiet bell.
    public init() {}

    /// Wakes every waiter; with none, the next wait returns at once.
    public func ring() {
        let waiters = state.withLock { state in
            let waiting = Array(state.waiters.values)
            state.waiters.removeAll()
            state.rung = waiting.isEmpty
            return waiting
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns at the next ring (or at once for a ring nobody waited for), or after `seconds`.
    public func waitForJobs(upTo seconds: Double) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitForRing() }
            group.addTask { try? await Task.sleep(for: .milliseconds(Int(seconds * 1_000))) }
            await group.next()
            group.cancelAll()
        }
    }

    private func waitForRing() async {
        let id = UUID()
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.rung {
                        state.rung = false
                        return true
                    }
                    if Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}
