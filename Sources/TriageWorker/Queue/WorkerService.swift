import Logging
import ServiceLifecycle
import Synchronization

/// Runs a ``QueueWorker`` as a `Service` in a service group, so SIGTERM/SIGINT stop it gracefully: no new claims,
/// in-flight jobs finish.
public final class WorkerService: Service {
    let worker: QueueWorker
    let progress: (@Sendable (WorkerRunSummary) -> Void)?
    let result = Mutex(WorkerRunSummary())

    /// Creates a service running `worker`, reporting to `progress` after each job.
    public init(worker: QueueWorker, progress: (@Sendable (WorkerRunSummary) -> Void)? = nil) {
        self.worker = worker
        self.progress = progress
    }

    /// Runs the worker until it is done or a graceful shutdown stops it.
    public func run() async throws {
        let stop = StopSignal()
        let summary = try await withGracefulShutdownHandler {
            try await worker.run(stop: stop, progress: progress)
        } onGracefulShutdown: {
            stop.stop()
        }
        result.withLock { $0 = summary }
    }

    /// Runs `worker` in its own service group with SIGTERM/SIGINT handling, beside `companions` (a metrics server),
    /// which the group stops when the worker is done; returns what the worker did.
    public static func runUntilDone(
        _ worker: QueueWorker, alongside companions: [any Service] = [], logger: Logger,
        progress: (@Sendable (WorkerRunSummary) -> Void)? = nil
    ) async throws -> WorkerRunSummary {
        let service = WorkerService(worker: worker, progress: progress)
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup)]
                    + companions.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        return service.result.withLock { $0 }
    }
}
