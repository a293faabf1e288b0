import Foundation

/// Where `triage outbox deliver` sends messages, after flags, configuration and defaults.
public enum OutboxDestination: Sendable, Hashable {
    /// Append every message to a JSONL file.
    case file(URL)
    /// POST to the endpoint of each configured system; the other systems' messages stay pending.
    case http([String: OutboxEndpoint])

    /// The JSONL file beside the database: `<db folder>/outbox.jsonl`.
    public static func defaultSink(databasePath: String) -> URL {
        URL(fileURLWithPath: databasePath).deletingLastPathComponent().appendingPathComponent("outbox.jsonl")
    }

    /// Endpoints from `configuration`, each replaced whole (URL, no headers) by an `--endpoint` flag for its system;
    /// a file sink (`sink`, else beside the database) when there are none.
    public static func resolve(
        configuration: OutboxConfiguration?, endpointFlags: [String: URL], sink: String?, databasePath: String
    ) -> OutboxDestination {
        var endpoints = configuration?.endpoints ?? [:]
        for (system, url) in endpointFlags { endpoints[system] = OutboxEndpoint(url: url) }
        if let sink { return .file(URL(fileURLWithPath: sink)) }
        if endpoints.isEmpty { return .file(defaultSink(databasePath: databasePath)) }
        return .http(endpoints)
    }

    /// The sink that delivers there.
    public func sink() -> any OutboxSink {
        switch self {
        case .file(let url): JSONLFileSink(url: url)
        case .http(let endpoints): HTTPOutboxSink(endpoints: endpoints)
        }
    }

    /// For the summary line: the file's path, or the systems (never header values).
    public var description: String {
        switch self {
        case .file(let url): url.path
        case .http(let endpoints): "endpoints for \(endpoints.keys.sorted().joined(separator: ", "))"
        }
    }
}
