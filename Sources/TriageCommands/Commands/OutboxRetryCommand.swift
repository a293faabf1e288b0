import ArgumentParser
import Foundation
import TriageCore
import TriageStore

/// `triage outbox retry`: puts failed messages back to pending for the next `deliver`.
struct OutboxRetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract:
            "Put failed messages back to pending (attempts reset to 0; the last error stays until the next attempt).",
        discussion: "Exit 1 when an id is unknown or already delivered (nothing is changed); 2 for bad flags.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "Ids of failed messages (see `triage outbox list --state failed`).")
    var ids: [String] = []

    @Flag(name: .long, help: "Requeue every failed message.")
    var allFailed = false

    @Option(name: .long, help: "With --all-failed: only this system's messages.")
    var system: String?

    func run() async throws {
        let numbers = try outboxBadInput { try parsedIDs() }
        let (everyFailed, system) = (allFailed, system)
        // A refusal is the store's answer, not its failure: it comes back as a value on every store.
        let answer: Result<OutboxRequeue, OutboxRequeueError> = try await store.withIntakeStore(existing: true) { outbox in
            do {
                return .success(
                    try await everyFailed
                        ? outbox.requeueFailedOutbox(system: system, now: Date())
                        : outbox.requeueOutbox(ids: numbers, now: Date()))
            } catch let error as OutboxRequeueError {
                return .failure(error)
            }
        }
        let result: OutboxRequeue
        do {
            result = try answer.get()
        } catch {
            FileHandle.standardError.write(Data("outbox retry: \(error)\n".utf8))
            throw ExitCode(1)
        }
        OutboxText.requeueLines(result).forEach { print($0) }
    }

    private func parsedIDs() throws -> [Int64] {
        if allFailed, !ids.isEmpty { throw CLIError.badInput("give message ids or --all-failed, not both") }
        if !allFailed, ids.isEmpty { throw CLIError.badInput("give message ids or --all-failed") }
        if system != nil, !allFailed { throw CLIError.badInput("--system only goes with --all-failed") }
        return try ids.map { text in
            guard let id = Int64(text.trimmingCharacters(in: CharacterSet(charactersIn: "#"))) else {
                throw CLIError.badInput("not a message id: \(text)")
            }
            return id
        }
    }
}
