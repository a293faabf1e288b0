import Foundation
import Logging
import Testing
import TriageCore
import TriagePostgres
import TriageRules
import TriageStore
import TriageTestSupport

/// Issue 17: `triage ingest` on PostgreSQL. The routing table runs through the same `RoutingTransaction` port on both
/// stores, so the demo's exceptions must leave the same cards, plans, outbox messages, queued jobs, order changes
/// and hourly counts in a PostgreSQL schema as in a SQLite file; and two processes ingesting at once must store each
/// exception once, with one card (or one join) each and one cascade card for a burst they share.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct PostgresIngestTests {
    @Test(.enabled(if: PostgresQueueFaultTests.enabled))
    func theDemoIngestedIntoPostgreSQLLeavesWhatSQLiteLeaves() async throws {
        let world = try await IngestWorld.make(prefix: "ingest")
        defer { world.remove() }
        let lite = try await TriageProcess.run(["ingest", world.exceptions, "--db", world.sqlite])
        let postgres = try await TriageProcess.run(["ingest", world.exceptions, "--db", world.postgres.urlWithSchema])
        #expect(lite.status == 0 && postgres.status == 0, "\(postgres.stderr)")
        #expect(postgres.stdout == lite.stdout, "the routing summaries match")
        #expect(postgres.stdout.contains("3220 stored"), "\(postgres.stdout)")

        let expected = try RoutedState.sqlite(world.sqlite)
        let actual = try await RoutedState.postgres(world.postgres)
        for table in RoutedState.tables.map(\.name) {
            let (mine, theirs) = (actual[table] ?? [], expected[table] ?? [])
            #expect(mine.count == theirs.count, "\(table): \(mine.count) rows on PostgreSQL, \(theirs.count) on SQLite")
            let differing = zip(mine, theirs).first { $0 != $1 }
            #expect(differing == nil, "\(table) differs: \(differing.map { "\($0.0)\n  vs \($0.1)" } ?? "")")
        }
        #expect(!(expected["outbox"] ?? []).isEmpty && !(expected["decisions"] ?? []).isEmpty, "auto rules executed")

        let again = try await TriageProcess.run(["ingest", world.exceptions, "--db", world.postgres.urlWithSchema])
        #expect(again.stdout.contains("0 stored, 3220 duplicates ignored"), "\(again.stdout)")
        try await world.drop()
    }

    @Test(.enabled(if: PostgresQueueFaultTests.enabled))
    func twoProcessesIngestingAtOnceStoreEachExceptionOnceAndRaiseOneCascade() async throws {
        let world = try await IngestWorld.make(prefix: "ingest2")
        defer { world.remove() }
        let lines = try String(contentsOfFile: world.exceptions, encoding: .utf8).split(separator: "\n").map(String.init)
        let halves = [0, 1].map { half in lines.enumerated().filter { $0.offset % 2 == half }.map(\.element) }
        let url = world.postgres.urlWithSchema
        try await Self.ingestAtOnce(try halves.enumerated().map { try world.write($1, name: "half\($0).jsonl") }, url)
        let again = try await TriageProcess.run(["ingest", world.exceptions, "--db", url])
        #expect(again.stdout.contains("0 stored, \(lines.count) duplicates ignored"), "\(again.stdout)")

        // Bursts in two neighbouring hours, one per process, each behind 300 unrelated events so the transactions
        // overlap. One after the other, the second burst falls within the first's quiet hours and raises no second
        // cascade card; at once, only a process that waits for the other's commit before looking can know that.
        let bursts = try [0, 1].map { try IngestWorld.burst(after: lines, count: 30, hour: $0) }
        let burst = bursts[0] + bursts[1]
        let files = try [0, 1].map { half in
            let filler = (0..<300).map { index in
                #"{"source":"storefront","event_id":"filler-\#(half)-\#(index)","kind":"payment_drift","reason":"status_mismatch","occurred_at":"2026-01-0\#(half + 1)T10:00:00Z","order_number":"88\#(half)\#(index)","payload":{"gateway_status":"captured"}}"#
            }
            return try world.write(filler + bursts[half], name: "burst\(half).jsonl")
        }
        try await Self.ingestAtOnce(files, url)
        let all = lines + burst + Array(repeating: "filler", count: 600)

        let state = try await RoutedState.postgres(world.postgres)
        let cards = state["cards"] ?? []
        let links = state["card_links"] ?? []
        let cascades = cards.filter { $0.contains("|integration_failure|") && $0.hasPrefix("gateway/cascade:") }
        #expect(cascades.count == 1, "one cascade card for the two bursts: \(cascades)")
        #expect(cards.count + links.count == all.count + cascades.count, "one card or one join each")
        let named = (cards + links).map { String($0.prefix { $0 != "|" && $0 != " " }) }
        #expect(Set(named).count == named.count, "no exception has two cards")
        let hours = (state["exception_hours"] ?? []).compactMap { Int($0.split(separator: "|").last ?? "") }
        let business = all.filter { !$0.contains("\"integration_failure\"") }.count
        #expect(hours.reduce(0, +) == business, "every business exception counted once in the hourly rollup")
        try await world.drop()
    }

    /// A batch runs without savepoints first (thousands of them slow PostgreSQL); when a step fails, the batch is
    /// rolled back and run again with them, so the failing exception alone gets an escalated card, as on SQLite.
    @Test(.enabled(if: PostgresQueueFaultTests.enabled))
    func aStepThatFailsRollsBackAloneAsOnSQLite() async throws {
        let world = try await IngestWorld.make(prefix: "ingest3")
        defer { world.remove() }
        let lines = try String(contentsOfFile: world.exceptions, encoding: .utf8).split(separator: "\n").prefix(400)
        let orders = lines.compactMap { line -> String? in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["kind"] as? String == "address_hold" ? object?["order_number"] as? String : nil
        }
        let poison = try #require(orders.first, "an address hold in the first 400 exceptions")
        let file = URL(fileURLWithPath: try world.write(lines.map(String.init), name: "head.jsonl"))
        let rules = TriageProcess.repositoryRoot.appendingPathComponent("rules.yaml")
        let table = try RoutingTable.parse(yaml: try String(contentsOf: rules, encoding: .utf8))
        let sqlite = try AppDatabase.open(path: world.sqlite)
        let expected = try await Ingestion(service: RoutingService(table: table, store: FailingStore(inner: sqlite, poisonOrder: poison)))
            .ingest(file: file)
        let actual = try await PostgresStore.withStore(world.postgres) { store in
            try await Ingestion(service: RoutingService(table: table, store: FailingStore(inner: store, poisonOrder: poison)))
                .ingest(file: file)
        }
        #expect(actual.summary == expected.summary)
        let (theirs, mine) = (try RoutedState.sqlite(world.sqlite), try await RoutedState.postgres(world.postgres))
        let unroutable = (mine["cards"] ?? []).filter { $0.contains("could not be routed") }
        #expect(!unroutable.isEmpty, "the poisoned order's exceptions get escalated cards")
        // The first run's rolled-back inserts used up sequence values, so the ids in the error text differ.
        let withoutIDs = { (lines: [String]?) in
            (lines ?? []).map { $0.replacing(/routing exception \d+/, with: "routing exception #") }
        }
        for table in RoutedState.tables.map(\.name) {
            #expect(withoutIDs(mine[table]) == withoutIDs(theirs[table]), "\(table) differs from SQLite")
        }
        try await world.drop()
    }

    /// Runs `triage ingest` on each file, all at once, and expects each to succeed.
    static func ingestAtOnce(_ files: [String], _ url: String) async throws {
        try await withThrowingTaskGroup(of: TriageProcess.Output.self) { group in
            for file in files { group.addTask { try await TriageProcess.run(["ingest", file, "--db", url]) } }
            for try await output in group { #expect(output.status == 0, "\(output.stderr)") }
        }
    }
}

/// The demo's data in a temporary folder, its reference data loaded into a SQLite file and copied into an empty
/// PostgreSQL schema, ready for `triage ingest`.
struct IngestWorld {
    let folder: URL
    let sqlite: String
    let postgres: PostgresLocation
    var exceptions: String { folder.appendingPathComponent("demo/data/exceptions.jsonl").path }

    static func make(prefix: String) async throws -> IngestWorld {
        let url = try #require(ProcessInfo.processInfo.environment["TRIAGE_TEST_POSTGRES"], "TRIAGE_TEST_POSTGRES")
        let folder = try TriageProcess.temporaryFolder()
        let demo = folder.appendingPathComponent("demo").path
        #expect(try await TriageProcess.run(["demo", "--out", demo, "--llm-sample", "0", "--no-llm"]).status == 0)
        let sqlite = folder.appendingPathComponent("reference.sqlite").path
        let load = try await TriageProcess.run(["load", demo + "/data", "--db", sqlite])
        #expect(load.status == 0, "\(load.stderr)")
        var location = try PostgresLocation(url: url)
        location.schema = prefix + "_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        var logger = Logger(label: "test.postgres")
        logger.logLevel = .warning
        try await PostgresStore.resetSchema(location, logger: logger)
        let copy = try await TriageProcess.run(["db", "copy", "--from", sqlite, "--to", location.urlWithSchema])
        #expect(copy.status == 0, "\(copy.stderr)")
        return IngestWorld(folder: folder, sqlite: sqlite, postgres: location)
    }

    /// `count` payment-drift events from one source within one hour, `hour` hours after 03:00 the day after the last
    /// of `lines`.
    static func burst(after lines: [String], count: Int, hour offset: Int = 0) throws -> [String] {
        let dates = lines.compactMap { line -> Date? in
            guard let range = line.range(of: #""occurred_at":"([^"]+)""#, options: .regularExpression) else { return nil }
            return ISODate.parse(String(line[range].dropFirst(15).dropLast()))
        }
        let last = try #require(dates.max())
        let hour = Calendar(identifier: .gregorian).startOfDay(for: last).addingTimeInterval(86_400 + Double(3 + offset) * 3600)
        return (0..<count).map { index in
            #"{"source":"gateway","event_id":"burst-\#(offset)-\#(index)","kind":"payment_drift","reason":"status_mismatch","occurred_at":"\#(ISODate.format(hour.addingTimeInterval(Double(index) * 40)))","order_number":"97\#(offset)\#(index)","payload":{"gateway_status":"captured"}}"#
        }
    }

    func write(_ lines: [String], name: String) throws -> String {
        let file = folder.appendingPathComponent(name)
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        return file.path
    }

    func drop() async throws {
        try await PostgresStore.dropSchema(postgres)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
