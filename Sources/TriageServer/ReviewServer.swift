import Foundation
import Hummingbird
import Logging

/// The review server: the reviewer page, `/api/v1`, and the signed webhooks, on one Hummingbird router.
public enum ReviewServer {
    /// The router with every route.
    public static func router(_ context: ReviewContext) throws -> Router<TriageRequestContext> {
        let router = Router(context: TriageRequestContext.self)
        router.add(middleware: AccessLogMiddleware(logger: context.logger))
        HealthEndpoint.register(on: router, store: context.store)
        APIRoutes(context: context).register(on: router)
        WebRoutes(context: context, templates: try PageTemplates()).register(on: router)
        WebhookRoutes(context: context).register(on: router)
        if let operations = context.operations {
            MetricsEndpoint.register(
                on: router, operations: operations, process: context.processMetrics, now: context.now, logger: context.logger)
        }
        return router
    }

    /// Routes exceptions a webhook stored but a stop kept from routing; call before serving.
    @discardableResult
    public static func routePending(_ context: ReviewContext) async throws -> Int {
        try await WebhookRouter.routePending(
            context.store, routing: context.routing, table: context.table, now: context.now(), logger: context.logger)
    }

    /// The application bound to the settings' address; `onRunning` receives the port actually bound.
    public static func application(
        _ context: ReviewContext, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        Application(
            router: try router(context),
            // Slow-header and idle connections close after `idleSeconds`; slow bodies are bounded in `bodyData`.
            server: .http1(configuration: .init(idleTimeout: .milliseconds(Int64(context.settings.idleSeconds * 1000)))),
            configuration: .init(address: .hostname(context.settings.host, port: context.settings.port)),
            onServerRunning: { await onRunning($0.localAddress?.port ?? 0) }, logger: context.logger)
    }
}
