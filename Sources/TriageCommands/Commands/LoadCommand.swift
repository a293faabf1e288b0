import ArgumentParser
import Foundation
import TriageCore

/// `triage load FIXTURE_DIR`: loads reference data in the eval-suite fixture format.
struct LoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load", abstract: "Load reference data (orders, products, suppliers, …) from a fixture folder.")

    @Argument(help: "Folder with orders.jsonl, products.jsonl, purchase_orders.jsonl, suppliers.jsonl, …")
    var directory: String

    @OptionGroup var store: StoreOptions

    @Flag(name: .long, help: "Exit 0 even when some records were rejected.")
    var tolerateRejects = false

    func run() async throws {
        let folder = URL(fileURLWithPath: directory)
        guard !ReferenceFiles.present(in: folder).isEmpty else { throw CLIError.badInput("no fixture files found in \(directory)") }
        let results = try await store.withIntakeStore { try await $0.loadReference(directory: folder) }
        var rejected = 0
        for result in results {
            for error in result.errors { printError(error.description) }
            rejected += result.errors.count
            print("\(result.file): \(result.loaded) loaded, \(result.errors.count) rejected")
        }
        if rejected > 0 && !tolerateRejects { throw ExitCode(1) }
    }
}

/// Prints a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
