import ArgumentParser
import Foundation
import TriageCore
import TriageStore

/// `triage status`: what `/metrics` exports, for a person: the queue per task, model calls and errors, cards
/// decided and the outbox, read from the shared store.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Queue depth and age per task, model calls and errors, decisions and the outbox.")

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() async throws {
        let status = try await store.withWorkerStore { store, _ in try await store.operationsStatus(now: Date()) }
        if json {
            let encoder = JSONCoding.encoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(status), as: UTF8.self))
        } else {
            print(status.text)
        }
    }
}
