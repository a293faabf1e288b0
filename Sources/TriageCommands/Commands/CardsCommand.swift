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
        static let configuration = CommandConfiguration(
            abstract: "The open queue in the web queue's order (filters as there); --status lists cards of any status, newest first.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var rules: RulesOptions

        @Option(help: "Cards with this status instead of the open queue (open, awaiting_confirmation, awaiting_worker, auto_resolved, resolved, joined), newest first.")
        var status: [CardStatus] = []

        @Option(help: "Only cards of this exception kind.")
        var kind: ExceptionKind?

        @Option(help: "Only open cards of this team (a team the routing table names).")
        var team: String?

        @Option(help: "Only open cards of this decision type (binary, judgment, escalated, unstructured).")
        var decision: DecisionType?

        @Option(help: "Only open cards with an AI suggestion of this confidence (high, medium, low).")
        var confidence: Confidence?

        @Option(help: "Only open cards at least this many hours old.")
        var minAgeHours: Double?

        @Option(help: "Only open cards matching an order number, event id, or text such as a customer's name or e-mail.")
        var search: String?

        @Option(help: "Only open cards made by this rule id (as the web queue's gated-rule filter).")
        var rule: String?

        @Option(help: "How many cards at most.")
        var limit = 50

        @Flag(help: "Print JSON (the cards only).")
        var json = false

        /// The web queue's filters over the open cards.
        var queueFilter: QueueFilter {
            var filter = QueueFilter(
                kind: kind, decisionType: decision, team: team, confidence: confidence, minAgeHours: minAgeHours, limit: limit)
            filter.search = search
            filter.rule = rule
            return filter
        }

        func validate() throws {
            if let minAgeHours, !(0...87_600).contains(minAgeHours) {
                throw ValidationError("--min-age-hours must be a number of hours from 0 to 87600")
            }
            if !status.isEmpty,
                team != nil || decision != nil || confidence != nil || minAgeHours != nil || search != nil || rule != nil
            {
                throw ValidationError("--status lists cards of any status by kind only; --team, --decision, --confidence, --min-age-hours, --search and --rule filter the open queue")
            }
            guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        }

        func run() async throws {
            if let team, let problem = try rules.load().problem(team: team) { throw CLIError.badInput("--team: \(problem)") }
            let (filter, statuses, kind, limit) = (queueFilter, status, kind, limit)
            let listing = try await store.withServeStore(existing: true) { database in
                guard statuses.isEmpty else {
                    let cards = try await database.cards(statuses: statuses, kind: kind, limit: limit)
                    return (cards, "\(cards.count) card(s) with status \(statuses.map(\.rawValue).joined(separator: " or ")), newest first")
                }
                let cards = try await database.reviewQueue(filter, now: Date()).map(\.card)
                let total = try await QueueTotal.count(filter, in: database)
                return (cards, "showing \(cards.count) of \(total) open card(s), in queue order (money at stake, then age)")
            }
            guard !json else { return print(try JSONCoding.string(listing.0)) }
            print(CardText.list(listing.0), terminator: "")
            print(listing.1)
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
            guard !json else { return print(try Self.json(context)) }
            print(
                CardText.render(
                    context.card, exception: context.exception, joined: context.linked, decisions: context.decisions),
                terminator: "")
        }

        /// The card as before (its fields at the top level), with the events joined to it and its decisions.
        static func json(_ context: CardContext) throws -> String {
            let encoder = JSONCoding.encoder()
            func value(_ item: some Encodable) throws -> JSONValue { try JSONParser.parse(Array(try encoder.encode(item))) }
            guard case .object(var object) = try value(context.card) else { return try JSONCoding.string(context.card) }
            object["joined"] = try value(context.linked)
            object["decisions"] = try value(context.decisions)
            encoder.outputFormatting.insert(.prettyPrinted)
            return String(decoding: try encoder.encode(JSONValue.object(object)), as: UTF8.self)
        }
    }
}

/// How many open cards a queue filter matches, counted a page of 500 at a time in queue order.
enum QueueTotal {
    static func count(_ filter: QueueFilter, in store: any ReviewStore) async throws -> Int {
        var page = filter
        (page.limit, page.after) = (500, nil)
        var total = 0
        while true {
            let items = try await store.reviewQueue(page, now: Date())
            total += items.count
            guard items.count == page.limit, let last = items.last else { return total }
            page.after = QueueCursor(after: last.card, preferTeam: nil)
        }
    }
}

extension CardStatus: ExpressibleByArgument {}
extension DecisionType: ExpressibleByArgument {}
extension Confidence: ExpressibleByArgument {}
extension ExceptionKind: ExpressibleByArgument {}
