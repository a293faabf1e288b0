import ArgumentParser
import Foundation
import TriageCore
import TriageStore

/// `triage cards list|show|accept|edit|reject`: the cards from a terminal.
struct CardsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cards", abstract: "List, show and decide exception cards.",
        subcommands: [List.self, Show.self, Accept.self, Edit.self, Reject.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List cards, newest first.")

        @OptionGroup var store: StoreOptions

        @Option(help: "Only cards with this status (open, awaiting_confirmation, awaiting_worker, auto_resolved, resolved).")
        var status: [CardStatus] = []

        @Option(help: "Only cards of this exception kind.")
        var kind: ExceptionKind?

        @Option(help: "How many cards at most.")
        var limit = 50

        @Flag(help: "Print JSON.")
        var json = false

        func run() async throws {
            let cards = try store.openExisting().cards(statuses: status, kind: kind, limit: limit)
            if json { return print(try JSONCoding.string(cards)) }
            let rows = cards.map { stored in
                [
                    "\(stored.id)", stored.card.kind.rawValue, stored.card.decisionType.rawValue,
                    stored.card.status.rawValue, stored.card.team, String(stored.card.title.prefix(60)),
                    stored.model ?? "",
                ]
            }
            print(TextTable.render(header: ["id", "kind", "decision", "status", "team", "title", "model"], rows: rows))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one card with everything on it.")

        @Argument(help: "The card id.")
        var cardID: Int64

        @OptionGroup var store: StoreOptions

        @Flag(help: "Print the card as JSON (for machines) instead of the readable card.")
        var json = false

        func run() async throws {
            let database = try store.openExisting()
            guard let card = try database.card(id: cardID) else { throw CLIError("no card with id \(cardID)") }
            guard !json else {
                let encoder = JSONCoding.encoder()
                encoder.outputFormatting.insert(.prettyPrinted)
                return print(String(decoding: try encoder.encode(card), as: UTF8.self))
            }
            print(CardText.render(card, exception: try database.exception(id: card.card.exceptionID)), terminator: "")
        }
    }
}

extension CardStatus: ExpressibleByArgument {}
extension ExceptionKind: ExpressibleByArgument {}
