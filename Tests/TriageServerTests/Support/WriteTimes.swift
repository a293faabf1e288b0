import Foundation
import Synchronization

/// Times every write transaction on the writer connection, from its BEGIN to its COMMIT or ROLLBACK.
final class WriteTimes: Sendable {
    private let state = Mutex<(began: ContinuousClock.Instant?, durations: [Double])>((nil, []))

    /// Records one traced statement of the writer connection.
    func record(_ sql: String) {
        let now = ContinuousClock.now
        state.withLock { state in
            if sql.hasPrefix("BEGIN") {
                state.began = now
            } else if sql.hasPrefix("COMMIT") || sql.hasPrefix("ROLLBACK"), let began = state.began {
                state.durations.append(Self.seconds(now - began))
                state.began = nil
            }
        }
    }

    /// Every write transaction's duration in seconds.
    func durations() -> [Double] { state.withLock { $0.durations } }

    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
