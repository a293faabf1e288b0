import ArgumentParser
import Foundation
import TriageCore
import TriageStore

/// `triage outbox deliver|list|retry`: confirms executed actions back to their systems, and lets a person see and
/// requeue what did not arrive. Exit codes: 0 done (or left pending by configuration), 1 a message failed or an id
/// is wrong, 2 bad input (flags, configuration).
struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox", abstract: "Deliver, list and retry outbox messages to the originating systems.",
        subcommands: [Deliver.self, OutboxListCommand.self, OutboxRetryCommand.self])

    struct Deliver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deliver pending messages: HTTP per configured system, or a JSONL file beside the database.",
            discussion: """
                Endpoints come from --outbox-config, else $TRIAGE_OUTBOX, else ./outbox.yaml if present; \
                --endpoint overrides one system. Messages for systems without an endpoint stay pending. \
                Exit 0: delivered or left pending; 1: a message failed; 2: bad flags or configuration.
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var endpoints: OutboxEndpointOptions

        @Option(
            name: .long,
            help: "JSONL file sink (default: outbox.jsonl beside the database when no endpoint is configured).")
        var sink: String?

        @Option(name: .long, help: "Attempts before a message is marked failed.")
        var maxAttempts: Int = 8

        @Option(name: .long, help: "Keep retrying due messages for up to this many seconds.")
        var maxWait: Double = 30

        @Option(name: .long, help: "Seconds a relay holds the messages it claimed; a dead relay's are claimed again after this.")
        var leaseSeconds: Double = 60

        func run() async throws {
            let destination = try outboxBadInput { try resolveDestination() }
            let (policy, maxWait, leaseSeconds) = (
                OutboxDeliveryPolicy(maxAttempts: maxAttempts, baseDelay: 1), maxWait, leaseSeconds
            )
            let (total, pending) = try await store.withIntakeStore(waitForServer: true) { queue in
                var relay = OutboxRelay(queue: queue, sink: destination.sink(), policy: policy)
                relay.leaseSeconds = leaseSeconds
                let total = try await relay.deliverUntilSettled(maxWait: maxWait)
                return (total, try await queue.outboxEntries(OutboxFilter(state: .pending, limit: 100_000)).entries)
            }
            OutboxText.failureLines(total).forEach { print($0) }
            print(OutboxText.summaryLine(total, target: destination.description))
            if let waiting = OutboxText.waitingLine(pending, now: Date()) { print(waiting) }
            if total.hasFailures { throw ExitCode(1) }
        }

        private func resolveDestination() throws -> OutboxDestination {
            guard maxAttempts >= 1 else { throw CLIError.badInput("--max-attempts must be at least 1") }
            guard leaseSeconds > 0 else { throw CLIError.badInput("--lease-seconds must be positive") }
            if try store.postgresLocation() != nil, sink == nil, endpoints.endpoint.isEmpty,
                try endpoints.loadConfiguration() == nil
            {
                throw CLIError(
                    "on PostgreSQL there is no file beside the database: name the receivers (--endpoint, "
                        + "--outbox-config) or a file with --sink")
            }
            if sink != nil, !endpoints.endpoint.isEmpty || endpoints.outboxConfig != nil {
                throw CLIError.badInput("--sink writes a file: it cannot be combined with --endpoint or --outbox-config")
            }
            if let sink { try Self.checkSink(sink) }
            let flags = try endpoints.parsedFlags()
            let configuration = sink == nil ? try endpoints.loadConfiguration() : nil
            return OutboxDestination.resolve(
                configuration: configuration, endpointFlags: flags, sink: sink, databasePath: store.databasePath)
        }
    }
}

extension OutboxCommand.Deliver {
    /// A `--sink` must be a file this process can append to, in a folder that exists: checked before any message is
    /// claimed, so a typo costs no delivery attempts.
    static func checkSink(_ path: String) throws {
        let files = FileManager.default
        var isFolder: ObjCBool = false
        if files.fileExists(atPath: path, isDirectory: &isFolder) {
            guard !isFolder.boolValue else { throw CLIError.badInput("--sink \(path) is a folder: name a .jsonl file to append to") }
            guard files.isWritableFile(atPath: path) else { throw CLIError.badInput("--sink \(path): permission denied") }
            return
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard files.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw CLIError.badInput("--sink \(path): no folder \(folder); create it first or name another file")
        }
        guard files.isWritableFile(atPath: folder) else { throw CLIError.badInput("--sink \(path): cannot create files in \(folder)") }
    }
}

/// `--endpoint SYSTEM=URL` flags and the `outbox.yaml` they override.
struct OutboxEndpointOptions: ParsableArguments {
    @Option(name: .long, help: "Target endpoint as SYSTEM=URL (repeatable); overrides that system in the config file.")
    var endpoint: [String] = []

    @Option(name: .long, help: "Endpoints file (default: $TRIAGE_OUTBOX, else ./outbox.yaml if present).")
    var outboxConfig: String?

    /// The flags as system → URL; a malformed one is an error naming it.
    func parsedFlags() throws -> [String: URL] {
        var result: [String: URL] = [:]
        for entry in endpoint {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, let url = URL(string: parts[1]),
                ["http", "https"].contains(url.scheme?.lowercased()), url.host != nil
            else { throw CLIError.badInput("--endpoint must be SYSTEM=URL with an http(s) URL, got \(entry)") }
            result[parts[0]] = url
        }
        return result
    }

    /// The configuration file in force, or nil when none is named and ./outbox.yaml is absent.
    func loadConfiguration() throws -> OutboxConfiguration? {
        let environment = ProcessInfo.processInfo.environment
        let origin = ConfigurationOrigin.resolve(
            flag: outboxConfig, variable: "TRIAGE_OUTBOX", environment: environment, defaultName: "outbox.yaml")
        guard let path = origin.path else { return nil }
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIError.badInput("outbox configuration not found: \(origin)")
        }
        return try OutboxConfiguration.load(path: path, environment: environment)
    }
}

/// Runs `body`; any error is printed to standard error and the command exits with code 2 (bad input).
func outboxBadInput<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        FileHandle.standardError.write(Data("outbox: \(error)\n".utf8))
        throw ExitCode(2)
    }
}
