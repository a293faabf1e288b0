import ArgumentParser
import Foundation
import TriageCore
import TriageServer
import TriageStore

/// `triage users add|list`: who may sign in. A token is printed once and only its hash is stored.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Add and list reviewers.", subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user and print their token (once).")

        @Argument(help: "The name recorded on their decisions.")
        var name: String

        @Option(help: "reviewer or admin.")
        var role: ReviewerRole = .reviewer

        @Option(help: "Their team (fulfillment, customer_ops, finance, engineering): its queue comes first.")
        var team: String?

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let token = Secrets.newToken()
            do {
                let (name, role, team) = (name, role, team)
                let user = try await store.withServeStore(existing: true) { database in
                    try await database.addUser(name: name, role: role, team: team, tokenHash: Secrets.hash(token), now: Date())
                }
                print("added \(user.label)")
                print("token (shown once, store it now): \(token)")
            } catch let error as ReviewError {
                throw CLIError(error.description)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            print(Reviewer.table(try await store.withServeStore(existing: true) { try await $0.users() }))
        }
    }
}

extension ReviewerRole: ExpressibleByArgument {}
