import ArgumentParser
import Foundation
import TriageCore
import TriageStore

/// `triage outbox list`: what is waiting, what failed and why.
struct OutboxListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List outbox messages, oldest first: id, system, type, state, attempts, last error.")

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Only messages in this state: pending, failed or delivered.")
    var state: String?

    @Option(name: .long, help: "Only messages for this system.")
    var system: String?

    @Option(name: .long, help: "Show at most this many.")
    var limit: Int = 100

    @Flag(name: .long, help: "One JSON object per line instead of a table.")
    var json = false

    func run() async throws {
        let filter = try outboxBadInput { try makeFilter() }
        let (entries, total) = try await store.withIntakeStore(existing: true) { try await $0.outboxEntries(filter) }
        let text = try json ? OutboxText.jsonLines(entries) : OutboxText.table(entries, total: total)
        if !text.isEmpty { print(text) }
    }

    private func makeFilter() throws -> OutboxFilter {
        guard limit >= 1 else { throw CLIError.badInput("--limit must be at least 1") }
        var parsed: OutboxState?
        if let state {
            guard let value = OutboxState(rawValue: state) else {
                throw CLIError.badInput("--state must be pending, failed or delivered, got \(state)")
            }
            parsed = value
        }
        return OutboxFilter(state: parsed, system: system, limit: limit)
    }
}
