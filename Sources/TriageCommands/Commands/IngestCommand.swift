import ArgumentParser
import Foundation
import TriageRules

/// `triage ingest FILE`: validates, stores and routes exceptions from JSONL or CSV.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store and route exceptions from a JSONL or CSV file; bad records are reported and skipped.")

    @Argument(help: "A .jsonl/.ndjson or .csv file of exceptions.")
    var file: String

    @OptionGroup var store: StoreOptions
    @OptionGroup var rules: RulesOptions

    @Flag(name: .long, help: "Exit 0 even when some records were rejected.")
    var tolerateRejects = false

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw CLIError.badInput("no such file: \(file)")
        }
        guard !isDirectory.boolValue else {
            throw CLIError.badInput("\(file) is a folder, not a file: name a .jsonl or .csv file")
        }
        let table = try rules.load()
        let outcome = try await store.withIntakeStore(waitForServer: true) { routing in
            try await Ingestion(service: RoutingService(table: table, store: routing)).ingest(file: url)
        }
        for rejected in outcome.rejected { printError("rejected \(rejected)") }
        print(outcome.summary.description)
        let summary = outcome.summary
        print(
            "\(url.lastPathComponent): \(outcome.rowsRead) read, \(summary.inserted) stored, "
                + "\(summary.duplicates) duplicates ignored, \(outcome.rejected.count) rejected")
        if !outcome.rejected.isEmpty && !tolerateRejects { throw ExitCode(1) }
    }
}
