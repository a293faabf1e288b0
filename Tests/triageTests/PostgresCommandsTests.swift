import Foundation
import GRDB
import Logging
import Testing
import TriageCore
import TriagePostgres

/// Issue 26: the commands an operator and a reviewer run from a terminal work on PostgreSQL as on SQLite, through
/// the same ports: one demo database copied into a PostgreSQL schema, each command run on both, the same output.
/// Needs `TRIAGE_TEST_POSTGRES` (see StoreConformanceTests).
@Suite(.serialized, .timeLimit(.minutes(10))) struct PostgresCommandsTests {
    /// The demo's database (deterministic path, worker drained, decisions simulated) and its copy in a fresh schema.
    static func twins(_ folder: URL) async throws -> (sqlite: String, postgres: PostgresLocation) {
        let url = try #require(ProcessInfo.processInfo.environment["TRIAGE_TEST_POSTGRES"], "TRIAGE_TEST_POSTGRES")
        let sqlite = try await ReviewCommandTests.reviewedDemo(folder)
        var location = try PostgresLocation(url: url)
        location.schema = "cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        var logger = Logger(label: "test.postgres")
        logger.logLevel = .warning
        try await PostgresStore.resetSchema(location, logger: logger)
        let copy = try await TriageProcess.run(["db", "copy", "--from", sqlite, "--to", location.urlWithSchema])
        #expect(copy.status == 0, "\(copy.stderr)")
        return (sqlite, location)
    }

    @Test func loadPrintsTheSameAndRejectsTheSameLinesOnBothStores() async throws {
        let url = try #require(ProcessInfo.processInfo.environment["TRIAGE_TEST_POSTGRES"], "TRIAGE_TEST_POSTGRES")
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = folder.appendingPathComponent("demo")
        #expect(try await TriageProcess.run(["demo", "--out", demo.path, "--no-llm", "--llm-sample", "0"]).status == 0)
        let fixtures = demo.appendingPathComponent("data")
        // One bad line among the products: that line is rejected on both stores, the rest loaded.
        let products = fixtures.appendingPathComponent("products.jsonl")
        try (String(contentsOf: products, encoding: .utf8) + "{\"sku\": 7}\n").write(to: products, atomically: true, encoding: .utf8)
        var location = try PostgresLocation(url: url)
        location.schema = "load_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        let twins = (sqlite: folder.appendingPathComponent("load.sqlite").path, postgres: location)
        for db in [twins.sqlite, location.urlWithSchema] {
            let loaded = try await TriageProcess.run(["load", fixtures.path, "--db", db])
            #expect(loaded.status == 1, "a rejected line is exit 1: \(loaded.stderr)")
            #expect(loaded.stderr.contains("products.jsonl") && loaded.stdout.contains("orders.jsonl: 5000 loaded"))
        }
        let again = try await Self.same(["load", fixtures.path, "--tolerate-rejects"], twins)
        #expect(again.contains("products.jsonl: 120 loaded, 1 rejected"))
        var logger = Logger(label: "test.postgres")
        logger.logLevel = .warning
        try await PostgresStore.dropSchema(location, logger: logger)
    }

    /// Runs `arguments` with `--db` on each store; both must succeed with the same standard output.
    static func same(_ arguments: [String], _ twins: (sqlite: String, postgres: PostgresLocation)) async throws -> String {
        let onSQLite = try await TriageProcess.run(arguments + ["--db", twins.sqlite])
        let onPostgres = try await TriageProcess.run(arguments + ["--db", twins.postgres.urlWithSchema])
        #expect(onSQLite.status == 0, "\(arguments) on SQLite: \(onSQLite.stderr)")
        #expect(onPostgres.status == 0, "\(arguments) on PostgreSQL: \(onPostgres.stderr)")
        #expect(onPostgres.stdout == onSQLite.stdout, "\(arguments): the stores answer differently")
        return onSQLite.stdout
    }

    @Test func cardsReviewAndOutboxAnswerTheSameOnBothStores() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let twins = try await Self.twins(folder)
        let listed = try await Self.same(["cards", "list", "--json", "--limit", "30"], twins)
        let cards = try JSONCoding.decode([StoredCard].self, from: listed)
        #expect(cards.count == 30)
        _ = try await Self.same(["cards", "list", "--status", "auto_resolved", "--kind", "payment_drift"], twins)
        _ = try await Self.same(["cards", "list", "--team", "customer_ops", "--limit", "10"], twins)
        let joined = try #require(cards.first { $0.joinedTo != nil }?.joinedTo ?? cards.first?.id)
        let shown = try await Self.same(["cards", "show", "\(joined)"], twins)
        #expect(shown.hasPrefix("card \(joined) "))
        let review = try await Self.same(["review", "--week", "2026-11-19"], twins)
        #expect(review.contains("Top exception types"))
        let report = try await Self.same(["report", "--json"], twins)
        #expect(try JSONCoding.decode(ExceptionReport.self, from: report).total > 0)
        let explained = try await Self.same(["rules", "explain", "\(cards[0].card.exceptionID)"], twins)
        #expect(explained.contains("outcome: card \(cards[0].id)"))
        // An event that joined an earlier card (same order and cause) is explained with that card, not "no card yet".
        let link = try DatabaseQueue(path: twins.sqlite).read { db in
            try Row.fetchOne(db, sql: "SELECT exception_id, card_id FROM card_links ORDER BY exception_id LIMIT 1")
        }
        let (joinedEvent, joinedCard): (Int64, Int64) = try #require(link.map { ($0["exception_id"], $0["card_id"]) })
        let joinedTrace = try await Self.same(["rules", "explain", "\(joinedEvent)"], twins)
        #expect(joinedTrace.contains("outcome: joined card \(joinedCard) "))
        let joinedShown = try await Self.same(["cards", "show", "\(joinedCard)"], twins)
        #expect(joinedShown.contains("joined events (") && joinedShown.contains("exception \(joinedEvent) "))
        _ = try await Self.same(["outbox", "list", "--limit", "20"], twins)
        // The harvest writes the same cases and fixtures from either store.
        var harvested: [[String]] = []
        for db in [twins.sqlite, twins.postgres.urlWithSchema] {
            let out = folder.appendingPathComponent("harvest/h.jsonl")
            try? FileManager.default.removeItem(at: out.deletingLastPathComponent())
            let run = try await TriageProcess.run(["eval", "harvest", "--since", "2000-01-01", "--out", out.path, "--db", db])
            #expect(run.status == 0, "\(run.stderr)")
            let files = try FileManager.default.subpathsOfDirectory(atPath: out.deletingLastPathComponent().path).sorted()
            harvested.append(try files.map { name in
                let url = out.deletingLastPathComponent().appendingPathComponent(name)
                var isFolder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
                return isFolder.boolValue ? name : name + "\n" + (try String(contentsOf: url, encoding: .utf8))
            })
        }
        #expect(harvested[0].count > 3 && harvested[0].contains { $0.hasPrefix("h-fixtures/orders.jsonl\n{") })
        #expect(harvested[1] == harvested[0], "the harvest differs between the stores")
        _ = try await Self.same(["outbox", "retry", "--all-failed"], twins)

        // A decision from the terminal on PostgreSQL, as on SQLite: the card is resolved there.
        for db in [twins.sqlite, twins.postgres.urlWithSchema] {
            #expect(try await TriageProcess.run(["users", "add", "dana", "--db", db]).status == 0)
        }
        let open = try JSONCoding.decode(
            [StoredCard].self,
            from: try await Self.same(["cards", "list", "--status", "open", "--kind", "payment_drift", "--json", "--limit", "1"], twins))
        let card = try #require(open.first)
        let rejected = try await Self.same(["cards", "reject", "\(card.id)", "--reason", "duplicate", "--as", "dana"], twins)
        #expect(rejected.contains("reject"))
        // Each store stamps the decision with its own clock, so the cards are compared by status, not byte for byte.
        for db in [twins.sqlite, twins.postgres.urlWithSchema] {
            let after = try await TriageProcess.run(["cards", "show", "\(card.id)", "--json", "--db", db])
            #expect(try JSONCoding.decode(StoredCard.self, from: after.stdout).card.status == .resolved, "\(db)")
        }

        // Scripted demo decisions: seeded, so both stores decide the same cards the same way.
        var tallies: [String] = []
        for db in [twins.sqlite, twins.postgres.urlWithSchema] {
            let run = try await TriageProcess.run(["simulate-decisions", "--count", "25", "--seed", "11", "--db", db])
            #expect(run.status == 0, "\(run.stderr)")
            tallies.append(String(run.stdout.prefix { $0 != ")" }))
        }
        #expect(tallies[0].hasPrefix("simulated 25 decisions ("), "\(tallies[0])")
        #expect(tallies[1] == tallies[0])
        _ = try await Self.same(["review", "--week", "2026-11-19"], twins)
    }

    @Test("a wrong port, database or schema is an error naming the cause at once; no store is made for a typo")
    func wrongPlacesAreNamed() async throws {
        let url = try #require(ProcessInfo.processInfo.environment["TRIAGE_TEST_POSTGRES"], "TRIAGE_TEST_POSTGRES")
        var location = try PostgresLocation(url: url)
        location.schema = "no_such_schema_" + UUID().uuidString.prefix(8).lowercased()
        for _ in 0..<2 {
            let typo = try await TriageProcess.run(["status", "--db", location.urlWithSchema])
            #expect(typo.status == 1)
            #expect(typo.stderr.contains("no schema \(location.schema ?? "")"), "\(typo.stderr)")
        }
        var wrongDatabase = try PostgresLocation(url: url)
        wrongDatabase.database = "no_such_database"
        let database = try await TriageProcess.run(["cards", "list", "--db", wrongDatabase.urlWithSchema])
        #expect(database.status == 1)
        #expect(database.stderr.contains("database \"no_such_database\" does not exist"), "\(database.stderr)")
        var wrongPort = try PostgresLocation(url: url)
        wrongPort.port = 1
        let port = try await TriageProcess.run(["status", "--db", wrongPort.urlWithSchema])
        #expect(port.status == 1)
        #expect(port.stderr.contains("cannot connect") && port.stderr.contains("refused"), "\(port.stderr)")
    }
}
