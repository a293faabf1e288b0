import Foundation
import Logging
import PostgresNIO
import TriageCore

/// `LISTEN triage_ai_jobs` on one pooled connection, ringing a ``Doorbell`` on every notification; intake and
/// releases `NOTIFY` it when their transaction commits. A listener whose connection drops (a restart, a terminated
/// backend) listens again after a second, and the worker polls meanwhile. See `listening(on:_:)`.
public final class PostgresJobArrivals: JobArrivals {
    /// The channel jobs are announced on.
    static let channel = "triage_ai_jobs"

    private let bell = Doorbell()

    private init() {}

    /// Runs `body` while listening on `store`'s pool. The listener is a child task of this call: cancelled when `body`
    /// ends, and awaited, so no listening outlives the command.
    public static func listening<T: Sendable>(
        on store: PostgresStore, _ body: @Sendable (PostgresJobArrivals) async throws -> T
    ) async throws -> T {
        let arrivals = PostgresJobArrivals()
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await arrivals.listen(on: store) }
            defer { group.cancelAll() }
            return try await body(arrivals)
        }
    }

    /// Listens until cancelled, again a second after each lost connection.
    private func listen(on store: PostgresStore) async {
        let bell = self.bell
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
