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

        @Option(help: "Only open cards of this team (as the web queue filters).")
        var team: String?

        @Option(help: "Only open cards of this decision type (binary, judgment, escalated).")
        var decision: DecisionType?

        @Option(help: "Only open cards with an AI suggestion of this confidence (high, medium, low).")
        var confidence: Confidence?

        @Option(help: "Only open cards at least this many hours old.")
        var minAgeHours: Double?

        @Option(help: "Only open cards matching an order number, event id, or text such as a customer's name or e-mail.")
        var search: String?

        @Option(help: "How many cards at most.")
        var limit = 50

        @Flag(help: "Print JSON.")
        var json = false

        /// The web queue's filters, when any is given: then the list is the reviewer queue (open cards).
        var queueFilter: QueueFilter? {
            guard team != nil || decision != nil || confidence != nil || minAgeHours != nil || search != nil else { return nil }
            var filter = QueueFilter(
                kind: kind, decisionType: decision, team: team, confidence: confidence, minAgeHours: minAgeHours, limit: limit)
            filter.search = search
            return filter
        }

        func validate() throws {
            if let minAgeHours, !(0...87_600).contains(minAgeHours) {
                throw ValidationError("--min-age-hours must be a number of hours from 0 to 87600")
            }
        }

        func run() async throws {
            let (filter, statuses, kind, limit) = (queueFilter, status, kind, limit)
            let cards = try await store.withServeStore(existing: true) { database in
                if let filter { return try await database.reviewQueue(filter, now: Date()).map(\.card) }
                return try await database.cards(statuses: statuses, kind: kind, limit: limit)
            }
            print(try json ? JSONCoding.string(cards) : CardText.list(cards))
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
            let id = cardID
            let context = try await store.withServeStore(existing: true) { try await $0.cardContext(id: id, now: Date()) }
            guard let context else { throw CLIError("no card with id \(cardID)") }
            guard !json else {
                let encoder = JSONCoding.encoder()
                encoder.outputFormatting.insert(.prettyPrinted)
                return print(String(decoding: try encoder.encode(context.card), as: UTF8.self))
            }
            print(CardText.render(context.card, exception: context.exception, joined: context.linked), terminator: "")
        }
    }
}

extension CardStatus: ExpressibleByArgument {}
extension DecisionType: ExpressibleByArgument {}
extension Confidence: ExpressibleByArgument {}
extension ExceptionKind: ExpressibleByArgument {}
