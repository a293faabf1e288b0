import CoreMetrics
import Prometheus
import TriageCore

/// This process's own metrics (its LLM calls as they happen), recorded through swift-metrics into a Prometheus
/// registry. Bootstrap once per process, before the first call is made.
public final class ProcessMetrics: Sendable {
    /// The registry the swift-metrics factory records into.
    public let registry: PrometheusCollectorRegistry

    private init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    /// Makes swift-metrics record into a new Prometheus registry, and returns it.
    public static func bootstrap() -> ProcessMetrics {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = OperationsStatus.latencyBuckets.map { .milliseconds(Int64($0 * 1000)) }
        MetricsSystem.bootstrap(factory)
        return ProcessMetrics(registry: registry)
    }

    /// This process's exposition text.
    public func text() -> String { registry.emitToString() }
}
