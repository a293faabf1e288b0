import Synchronization

/// An async semaphore: at most `limit` holders at once, waiters served first come, first served.
///
/// Built on `Mutex` and continuations, so a waiting task is suspended, never blocking a thread.
/// A waiter that is cancelled leaves the queue and gets `CancellationError`.
public final class ConcurrencyLimiter: Sendable {
    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var available: Int
        var nextID: UInt64 = 0
        var waiters: [Waiter] = []
    }

    private let state: Mutex<State>

    /// The most holders at once.
    public let limit: Int

    /// Creates a limiter admitting `limit` holders (at least one).
    public init(limit: Int) {
        self.limit = max(1, limit)
        self.state = Mutex(State(available: max(1, limit)))
    }

    /// Waits for a permit. Every successful call must be paired with one ``release()``.
    public func acquire() async throws(CancellationError) {
        let id = state.withLock { state in
            defer { state.nextID &+= 1 }
            return state.nextID
        }
        do {
            try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    enqueue(Waiter(id: id, continuation: continuation))
                }
            } onCancel: {
                cancelWaiter(id: id)
            }
        } catch {
            throw CancellationError()
        }
    }

    /// Returns a permit, handing it straight to the longest waiter if there is one.
    public func release() {
        let next = state.withLock { state -> Waiter? in
            if state.waiters.isEmpty {
                state.available = min(state.available + 1, limit)
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.continuation.resume()
    }

    /// Tasks waiting for a permit now (for tests and diagnostics).
    var waiting: Int { state.withLock { $0.waiters.count } }

    /// Runs `body` holding a permit.
    public func withPermit<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await acquire()
        defer { release() }
        return try await body()
    }

    /// Grants at once, fails at once when already cancelled, or queues. Runs in the acquiring task,
    /// so checking cancellation here under the lock closes the race with `cancelWaiter`.
    private func enqueue(_ waiter: Waiter) {
        enum Action { case grant, cancel, wait }
        let action = state.withLock { state -> Action in
            if Task.isCancelled { return .cancel }
            if state.available > 0 {
                state.available -= 1
                return .grant
            }
            state.waiters.append(waiter)
            return .wait
        }
        switch action {
        case .grant: waiter.continuation.resume()
        case .cancel: waiter.continuation.resume(throwing: CancellationError())
        case .wait: break
        }
    }

    private func cancelWaiter(id: UInt64) {
        let removed = state.withLock { state -> Waiter? in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return state.waiters.remove(at: index)
        }
        removed?.continuation.resume(throwing: CancellationError())
    }
}
