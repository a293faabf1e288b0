import ArgumentParser
import Foundation
import TriageRules
import TriageStore

/// `triage rules check|explain`.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Check the routing table or explain how it routes an exception.",
        subcommands: [Check.self, Explain.self])

    /// `triage rules check FILE`: every problem with its line and column.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate a rules file.")

        @Argument(help: "The rules file.")
        var file: String

        func run() async throws {
            do {
                let table = try RoutingTable.load(contentsOf: URL(fileURLWithPath: file))
                print("\(file): OK, \(table.rules.count) rules")
            } catch {
                for problem in error.problems { printError(problem.description) }
                printError("\(file): \(error.problems.count) problem(s)")
                throw ExitCode(1)
            }
        }
    }

    /// `triage rules explain EXCEPTION_ID`: each rule tried, each condition's value and result.
    struct Explain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Trace how the rules route one stored exception.")

        @Argument(help: "The exception's id in the log.")
        var exceptionID: Int64

        @OptionGroup var store: StoreOptions
        @OptionGroup var rules: RulesOptions

        func run() async throws {
            let table = try rules.load()
            guard let record = try store.open().exception(id: exceptionID) else {
                throw CLIError("no exception with id \(exceptionID) in \(store.databasePath)")
            }
            print(table.explain(record).rendered())
        }
    }
}
