import Foundation
import Logging
import PostgresNIO
import TriageCore

/// `LISTEN triage_ai_jobs` on one pooled connection, ringing a ``Doorbell`` on every notification; intake and
/// releases `NOTIFY` it when their transaction commits. A listener whose connection drops (a restart, a terminated
/// backend) listens again after a second, and the worker polls meanwhile.
public final class PostgresJobArrivals: JobArrivals {
    /// The channel jobs are announced on.
    static let channel = "triage_ai_jobs"

    private let bell = Doorbell()
    private let listener: Task<Void, Never>

    /// Starts listening on `store`'s pool; stops when `stop()` is called or the pool shuts down.
    public init(store: PostgresStore) {
        let bell = self.bell
        listener = Task {
            while !Task.isCancelled {
                do {
                    try await store.client.withConnection { connection in
                        try await connection.listen(on: Self.channel) { notifications in
                            bell.ring()  // jobs may have arrived while no one listened
                            for try await _ in notifications { bell.ring() }
                        }
                    }
                } catch {
                    if Task.isCancelled { return }
                    store.logger.debug("job listener lost its connection, listening again in 1 s: \(PostgresStoreError.readable(error))")
                }
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// Stops listening.
    public func stop() { listener.cancel() }

    /// Returns at the next announcement, or after `seconds`.
    public func waitForJobs(upTo seconds: Double) async {
        await bell.waitForJobs(upTo: seconds)
    }
}

extension PostgresStore {
    /// Announces queued jobs to listening workers when the transaction commits.
    static func announceJobs(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("SELECT pg_notify(\(PostgresJobArrivals.channel), '')", logger: logger)
    }
}
