import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import TriageCore
import TriageMetrics

/// `GET /metrics`: the Prometheus text of the shared store's status, and this process's own metrics. Counts only,
/// no customer data; bind it to an address your scraper reaches and your users do not.
public enum MetricsEndpoint {
    /// Adds `/metrics` to `router`.
    static func register(
        on router: Router<TriageRequestContext>, operations: any OperationsStatusReading, process: ProcessMetrics?,
        now: @escaping @Sendable () -> Date, logger: Logger
    ) {
        router.group().add(middleware: JSONErrorMiddleware(logger: logger)).get("metrics") { _, _ in
            let text = OperationsMetrics.text(try await operations.operationsStatus(now: now()), process: process)
            return Responses.raw(Data(text.utf8), type: "text/plain; version=0.0.4; charset=utf-8")
        }
    }

    /// A server with only `/metrics`, for a worker's `--metrics-port`; `onRunning` receives the port bound.
    public static func application(
        operations: any OperationsStatusReading, process: ProcessMetrics?, host: String, port: Int, logger: Logger,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router(context: TriageRequestContext.self)
        register(on: router, operations: operations, process: process, now: Date.init, logger: logger)
        return Application(
            router: router, configuration: .init(address: .hostname(host, port: port)),
            onServerRunning: { await onRunning($0.localAddress?.port ?? 0) }, logger: logger)
    }

    /// A service serving `/metrics` on 127.0.0.1:`port` (0: any free port, printed on standard error), with this
    /// process's own metrics bootstrapped: run it in the command's service group, which stops it with the rest.
    public static func service(port: Int, operations: any OperationsStatusReading) -> any Service {
        let process = ProcessMetrics.bootstrap()
        let logger = Logger(label: "triage.metrics")
        return application(
            operations: operations, process: process, host: "127.0.0.1", port: port, logger: logger,
            onRunning: { bound in FileHandle.standardError.write(Data("metrics on http://127.0.0.1:\(bound)/metrics\n".utf8)) })
    }
}
