import ArgumentParser
import Foundation
import TriageRules
import TriageCore
import TriageStore

/// `triage rules check|explain`.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Check or show the routing table, or explain how it routes an exception.",
        subcommands: [Check.self, Show.self, Explain.self])

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
                throw ExitCode(2)
            }
        }
    }

    /// `triage rules show`: the table in force and where it came from.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the routing table in force (--rules, $TRIAGE_RULES, ./rules.yaml or built-in) and its origin.")

        @OptionGroup var rules: RulesOptions

        func run() async throws {
            let origin = rules.origin
            let table = try rules.load()
            let text: String
            do {
                text = try RoutingTable.text(at: origin)
            } catch {
                throw CLIError.badInput("cannot read \(origin): \(error.localizedDescription)")
            }
            print("# routing table: \(origin)")
            print("# \(table.rules.count) rules, valid")
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
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
            let (id, name) = (exceptionID, store.displayName)
            let (record, routed) = try await store.withServeStore(existing: true) { database in
                guard let record = try await database.exceptionRecord(id: id) else {
                    throw CLIError("no exception with id \(id) in \(name)")
                }
                return (record, try await database.routedCard(exceptionID: id))
            }
            print(table.explain(record).rendered())
            print(RoutingOutcomeText.render(routed))
        }
    }
}
