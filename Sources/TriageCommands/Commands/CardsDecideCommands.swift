import ArgumentParser
import Foundation
import TriageCore
import TriageStore

/// Who decides from the terminal and how the outcome is printed; shared by accept, edit and reject.
struct DecisionOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: "The reviewer deciding (a name from `triage users list`).")
    var reviewer: String

    @Flag(help: "Print JSON.")
    var json = false

    /// Applies the request for the named reviewer and prints the outcome.
    func decide(_ request: ReviewRequest, store: StoreOptions) async throws {
        let name = reviewer
        let outcome = try await store.withServeStore(existing: true) { database in
            guard let reviewer = try await database.users().first(where: { $0.name == name }) else {
                throw UsersCommand.noUser(name, in: store)
            }
            do {
                return try await database.decide(request, by: reviewer, planner: ReviewPlanner(), now: Date())
            } catch let error as ReviewError {
                throw CLIError(error)
            }
        }
        print(try json ? JSONCoding.string(outcome) : CardText.outcome(outcome))
    }
}

extension CardsCommand {
    struct Accept: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Accept a card's suggestion or rule plan and execute it.")

        @Argument(help: "The card id.")
        var cardID: Int64
        @OptionGroup var decision: DecisionOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await decision.decide(ReviewRequest(cardID: cardID, verdict: .accept), store: store)
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a card's action or parameters, then execute.")

        @Argument(help: "The card id.")
        var cardID: Int64
        @Option(help: "The action instead of the suggested one.")
        var action: String?
        @Option(name: .customLong("set"), help: "A parameter as key=value (repeatable); the value is JSON or text.")
        var parameters: [String] = []
        @Option(help: "Why.")
        var reason: String?
        @OptionGroup var decision: DecisionOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            var values: [String: JSONValue] = [:]
            for pair in parameters {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw CLIError.badInput("--set \(pair): expected key=value") }
                values[parts[0]] = ActionFields.jsonOrText(parts[1])
            }
            try await decision.decide(
                ReviewRequest(cardID: cardID, verdict: .edit, action: action, parameters: values, reason: reason),
                store: store)
        }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject a card: nothing is executed; the reason is recorded.")

        @Argument(help: "The card id.")
        var cardID: Int64
        @Option(help: "Why (required).")
        var reason: String
        @OptionGroup var decision: DecisionOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await decision.decide(ReviewRequest(cardID: cardID, verdict: .reject, reason: reason), store: store)
        }
    }
}
