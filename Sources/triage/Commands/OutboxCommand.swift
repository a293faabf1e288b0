import ArgumentParser
import Foundation
import TriageCore
import TriageStore

/// `triage outbox deliver`: confirms executed actions back to their systems.
struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox", abstract: "Deliver outbox messages to the originating systems.",
        subcommands: [Deliver.self])

    struct Deliver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deliver pending messages: HTTP per system (--endpoint) or a JSONL file sink by default.")

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: "Target endpoint as SYSTEM=URL (repeatable), e.g. storefront=http://127.0.0.1:9000/hooks")
        var endpoint: [String] = []

        @Option(name: .long, help: "JSONL file sink used when no --endpoint is given.")
        var sink: String = "outbox.jsonl"

        @Option(name: .long, help: "Attempts before a message is marked failed.")
        var maxAttempts: Int = 8

        @Option(name: .long, help: "Keep retrying due messages for up to this many seconds.")
        var maxWait: Double = 30

        func validate() throws {
            for entry in endpoint where Self.parse(entry) == nil {
                throw ValidationError("--endpoint must be SYSTEM=URL, got \(entry)")
            }
            guard maxAttempts >= 1 else { throw ValidationError("--max-attempts must be at least 1") }
        }

        static func parse(_ entry: String) -> (String, URL)? {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let url = URL(string: parts[1]), url.scheme?.hasPrefix("http") == true else {
                return nil
            }
            return (parts[0], url)
        }

        func run() async throws {
            let database = try store.open()
            let destination: any OutboxSink =
                endpoint.isEmpty
                ? JSONLFileSink(url: URL(fileURLWithPath: self.sink))
                : HTTPOutboxSink(endpoints: Dictionary(endpoint.compactMap(Self.parse), uniquingKeysWith: { $1 }))
            let relay = OutboxRelay(database: database, sink: destination, policy: .init(maxAttempts: maxAttempts, baseDelay: 1))
            var total = RelaySummary()
            let deadline = Date().addingTimeInterval(maxWait)
            repeat {
                let pass = try await relay.deliverDue(now: Date())
                total.delivered += pass.delivered
                total.failed += pass.failed
                total.retrying = pass.retrying
                if pass.retrying == 0 { break }
                try await Task.sleep(for: .seconds(1))
            } while Date() < deadline
            let target = endpoint.isEmpty ? sink : "\(endpoint.count) endpoint(s)"
            print("outbox → \(target): \(total.delivered) delivered, \(total.failed) failed, \(total.retrying) to retry")
            if total.failed > 0 { throw ExitCode(1) }
        }
    }
}
