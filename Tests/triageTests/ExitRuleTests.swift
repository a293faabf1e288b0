import Foundation
import Testing
import TriageCore
import TriageStore

/// Issue 28: one exit-code rule across commands (README, "Exit codes"): 2 when changing the command fixes it, 1 when
/// the command ran and something needs a person; messages in plain words naming what failed.
@Suite(.timeLimit(.minutes(10)))
struct ExitRuleTests {
    /// A demo database with one reviewer, `dana` of customer_ops; the demo's cards and outbox.
    static func database(_ folder: URL) async throws -> String {
        let db = try await CardsDecideCommandTests.database(folder)
        let added = try await TriageProcess.run(["users", "add", "dana", "--team", "customer_ops", "--db", db])
        #expect(added.status == 0, "\(added.stderr)")
        return db
    }

    @Test("bad input exits 2 with a message naming the flag, file or value, for every command class")
    func badInputIsTwo() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try await Self.database(folder)
        let card = try #require(try AppDatabase.open(path: db).cards(statuses: [.open], kind: .returnRequest, limit: 1).first)
        let aFile = folder.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: aFile)
        let rules = folder.appendingPathComponent("bad.yaml")
        try Data("version: 1\nrules:\n  - id: x\n    bogus: 1\n".utf8).write(to: rules)
        let cases: [(arguments: [String], says: String)] = [
            (["rules", "check", rules.path], "unknown key \"bogus\""),
            (["review", "--week", "12/11/2026", "--db", db], "--week: not an ISO 8601 date"),
            (["review", "--week", "2026-11-19", "--db", db, "--csv", aFile.path], "\(aFile.path): a file is in the way"),
            (["cards", "edit", "\(card.id)", "--action", "frobnicate", "--as", "dana", "--db", db], "action"),
            (["cards", "list", "--team", "bogus", "--db", db], "no team bogus in the routing table"),
            (["users", "add", "bob", "--team", "sales", "--db", db], "teams: customer_ops, engineering, finance, fulfillment"),
            (["ingest", folder.appendingPathComponent("missing.jsonl").path, "--db", db], "no such file"),
            (["simulate-decisions", "--db", try Self.plainDatabase(folder)], "is not a demo database"),
            (["outbox", "list", "--state", "bogus", "--db", db], "--state must be pending, failed or delivered"),
            (["ingest", aFile.path, "--db", "/proc/no/such/t.sqlite"], "cannot open database /proc/no/such/t.sqlite: /proc/no"),
            (["outbox", "deliver", "--db", db, "--sink", "/proc/no/such/out.jsonl"], "--sink /proc/no/such/out.jsonl: no folder"),
            (["outbox", "deliver", "--db", db, "--sink", folder.path], "is a folder"),
            (["serve", "--db", db, "--port", "99999"], "--port must be 0…65535"),
        ]
        let attempted = try AppDatabase.open(path: db).outboxMessages(state: .pending).map(\.attempts)
        for (arguments, says) in cases {
            let run = try await TriageProcess.run(arguments)
            #expect(run.status == 2, "\(arguments): \(run.status) \(run.stderr)")
            #expect(run.stderr.contains(says), "\(arguments): \(run.stderr)")
            #expect(!run.stderr.contains("NSCocoaErrorDomain") && !run.stderr.contains("Error Domain="), "\(run.stderr)")
        }
        // A refused --sink spent no delivery attempt.
        #expect(try AppDatabase.open(path: db).outboxMessages(state: .pending).map(\.attempts) == attempted)
    }

    @Test("an id or name that is not in the store exits 1 and says where to look")
    func missingThingsAreOne() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try await Self.database(folder)
        let cases: [(arguments: [String], says: String)] = [
            (["users", "remove", "nobody", "--db", db], "no user named nobody"),
            (["users", "rotate-token", "nobody", "--db", db], "`triage users list`"),
            (["cards", "show", "999999", "--db", db], "no card with id 999999"),
            (["rules", "explain", "999999", "--db", db], "no exception with id 999999"),
        ]
        for (arguments, says) in cases {
            let run = try await TriageProcess.run(arguments)
            #expect(run.status == 1, "\(arguments): \(run.status) \(run.stderr)")
            #expect(run.stderr.contains(says), "\(arguments): \(run.stderr)")
        }
    }

    @Test("eval run without suites names --suite; a live run over 50 cases wants --yes before any model call")
    func evalRunSaysWhatToPass() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = try await TriageProcess.run(["eval", "run", "--no-llm"], in: folder)
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("no eval/suites folder") && empty.stderr.contains("--suite"), "\(empty.stderr)")
        let manifest = TriageProcess.repositoryRoot.appendingPathComponent("eval/suites/returns.json").path
        // Nothing listens on the discard port: the refusal comes before any call is tried.
        let closed = ["TRIAGE_LLM_BASE_URL": "http://127.0.0.1:9/v1"]
        let live = try await TriageProcess.run(["eval", "run", "--suite", manifest], environment: closed, in: folder)
        #expect(live.status == 2, "\(live.stderr)")
        #expect(live.stderr.contains("may call the model up to") && live.stderr.contains("--yes"), "\(live.stderr)")
        let small = try await TriageProcess.run(
            ["eval", "run", "--suite", manifest, "--no-llm", "--limit", "3"], in: folder)
        #expect(small.status == 0, "\(small.stderr)")
    }

    @Test("a flag ArgumentParser refuses is one 'Error:' line and exit 2")
    func parserErrors() async throws {
        let run = try await TriageProcess.run(["report", "--rules", "x.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("Error: Unknown option '--rules'"), "\(run.stderr)")
        #expect(!run.stderr.contains("Error: Error:"))
    }

    @Test("--version prints the version and exits 0")
    func version() async throws {
        let run = try await TriageProcess.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == TriageVersion.current)
    }

    @Test("the hint to start the local model fits how triage was installed")
    func installHint() {
        #expect(LocalLLMHint.startCommand(executable: "/work/x/.build/debug/triage") == "scripts/local-llm start")
        #expect(LocalLLMHint.startCommand(executable: "/usr/local/bin/triage") == "triage-local-llm start")
    }

    /// A store with the schema and no demo marker.
    static func plainDatabase(_ folder: URL) throws -> String {
        let path = folder.appendingPathComponent("plain.sqlite").path
        _ = try AppDatabase.open(path: path)
        return path
    }
}
