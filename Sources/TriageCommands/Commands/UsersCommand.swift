import ArgumentParser
import Foundation
import TriageCore
import TriageServer
import TriageStore

/// `triage users add|list|remove|rotate-token`: who may sign in. A token is printed once and only its hash is stored.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Add, list and remove reviewers, or give one a new token.",
        subcommands: [Add.self, List.self, Remove.self, RotateToken.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user and print their token (once).")

        @Argument(help: "The name recorded on their decisions.")
        var name: String

        @Option(help: "reviewer or admin.")
        var role: ReviewerRole = .reviewer

        @Option(help: "Their team, one the routing table names (fulfillment, customer_ops, finance, engineering): its queue comes first.")
        var team: String?

        @OptionGroup var store: StoreOptions
        @OptionGroup var rules: RulesOptions

        func run() async throws {
            if let team, let problem = try rules.load().problem(team: team) { throw CLIError.badInput("--team: \(problem)") }
            let token = Secrets.newToken()
            do {
                let (name, role, team) = (name, role, team)
                let user = try await store.withServeStore(existing: true) { database in
                    try await database.addUser(name: name, role: role, team: team, tokenHash: Secrets.hash(token), now: Date())
                }
                print("added \(user.label)")
                print("token (shown once, store it now): \(token)")
            } catch let error as ReviewError {
                throw CLIError(error)
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

extension UsersCommand {
    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a user: their token and sessions stop working, their held cards are released; their decisions keep their name.")

        @Argument(help: "The user's name.")
        var name: String

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let name = name
            guard let user = try await store.withServeStore(existing: true, { try await $0.removeUser(name: name) }) else {
                throw UsersCommand.noUser(name, in: store)
            }
            print("removed \(user.label)")
        }
    }

    struct RotateToken: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate-token",
            abstract: "Give a user a new token (printed once); the old one and their signed-in sessions stop working.")

        @Argument(help: "The user's name.")
        var name: String

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let (name, token) = (name, Secrets.newToken())
            let user = try await store.withServeStore(existing: true) {
                try await $0.rotateToken(name: name, tokenHash: Secrets.hash(token))
            }
            guard let user else {
                throw UsersCommand.noUser(name, in: store)
            }
            print("new token for \(user.label); the old one and their sessions no longer work")
            print("token (shown once, store it now): \(token)")
        }
    }
}

extension UsersCommand {
    /// The error for a name no user has: exit 1 (an id or name not in the store), with where to look.
    static func noUser(_ name: String, in store: StoreOptions) -> CLIError {
        CLIError("no user named \(name) in \(store.displayName); `triage users list` shows who there is, `triage users add` adds one")
    }
}

extension ReviewerRole: ExpressibleByArgument {}
