import ArgumentParser
import Foundation
import TriageCore
import TriageEvalStore

/// `triage eval harvest`: reviewer decisions on AI cards become suite cases, the reviewer's answer as `expected`.
struct EvalHarvestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "harvest",
        abstract: "Write reviewed AI cards as eval cases (expected = the reviewer's final decision).",
        discussion: """
            A suite holds one task, so with cards of several tasks FILE's name gets the task before its extension
            (harvest.jsonl → harvest.warranty.jsonl, …); --task writes exactly FILE. Beside each cases file goes a
            manifest (harvest.warranty.suite.json) over fixtures exported from the same database (harvest-fixtures/:
            products, suppliers, orders, purchase orders, invoices), so `triage eval run --suite` runs it as it is.
            """)

    @Option(help: "Decisions made on or after this date (ISO 8601, e.g. 2026-11-01).")
    var since: String

    @Option(help: "Cases file to write (JSON Lines).")
    var out: String

    @Option(help: "Only this task (return_match, invoice, warranty).")
    var task: AITask?

    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard let date = ISODate.parse(since) else { throw CLIError.badInput("--since: not an ISO 8601 date: \(since)") }
        let (out, task) = (out, task)
        try await store.withServeStore(existing: true) { database in
            try await HarvestWriter(database: database, out: out, task: task).run(since: date, named: since)
        }
    }
}
