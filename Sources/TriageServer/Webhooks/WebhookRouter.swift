import Foundation
import Logging
import ServiceLifecycle
import TriageCore
import TriageRules

/// Routes webhook exceptions after their sender has been answered. A `Service` in the server's group: on graceful
/// shutdown it stops taking new work and routes what was handed to it; anything a hard stop leaves unrouted is
/// stored already and routed by `routePending` on the next start.
public final class WebhookRouter: Service, Sendable {
    private let stream: AsyncStream<[ExceptionRecord]>
    private let continuation: AsyncStream<[ExceptionRecord]>.Continuation
    private let service: RoutingService
    private let now: @Sendable () -> Date
    private let logger: Logger

    /// Creates a router for the store and rules of `context`.
    public init(store: any RoutingStore, table: RoutingTable, now: @escaping @Sendable () -> Date, logger: Logger) {
        (stream, continuation) = AsyncStream.makeStream(of: [ExceptionRecord].self)
        service = RoutingService(table: table, store: store)
        self.now = now
        self.logger = logger
    }

    /// Hands stored exceptions over for routing; returns at once.
    func submit(_ records: [ExceptionRecord]) {
        guard !records.isEmpty else { return }
        continuation.yield(records)
    }

    /// Stops taking work; `run()` returns once what was handed over is routed.
    public func finish() { continuation.finish() }

    /// Routes handed-over exceptions until shutdown.
    public func run() async throws {
        try await withGracefulShutdownHandler {
            for await records in stream { await Self.route(records, service: service, now: now(), logger: logger) }
        } onGracefulShutdown: {
            self.finish()
        }
    }

    /// Routes exceptions a webhook stored but a stop kept from routing. Returns how many it routed.
    @discardableResult
    public static func routePending(
        _ store: any ReviewStore, routing: any RoutingStore, table: RoutingTable, now: Date, logger: Logger
    ) async throws -> Int {
        let service = RoutingService(table: table, store: routing)
        var routed = 0
        while true {
            let records = try await store.unroutedExceptions(limit: 500)
            guard !records.isEmpty, await route(records, service: service, now: now, logger: logger) else { return routed }
            routed += records.count
        }
    }

    /// Routes one hand-over in one transaction; a failure is logged and left for the next start.
    @discardableResult
    static func route(_ records: [ExceptionRecord], service: RoutingService, now: Date, logger: Logger) async -> Bool {
        do {
            let routed = try await service.store.routingTransaction { transaction in
                let held = try transaction.holdUnrouted(records)
                _ = try service.route(stored: held, in: transaction, now: now)
                return held
            }
            _ = try await service.raiseCascades(after: routed, now: now)
            return true
        } catch {
            logger.error("routing stored webhook exceptions failed; the next start retries them", metadata: ["count": "\(records.count)", "error": "\(error)"])
            return false
        }
    }
}
