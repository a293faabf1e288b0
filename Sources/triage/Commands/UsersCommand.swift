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
                let user = try await store.openExisting().addUser(
                    name: name, role: role, team: team, tokenHash: Secrets.hash(token), now: Date())
                print("added \(user.name) (\(user.role.rawValue)\(user.team.map { ", team \($0)" } ?? ""))")
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
            let rows = try store.openExisting().users().map { [$0.name, $0.role.rawValue, $0.team ?? ""] }
            print(TextTable.render(header: ["name", "role", "team"], rows: rows))
        }
    }
}

extension ReviewerRole: ExpressibleByArgument {}
