import Foundation
import Testing
import TriageCore
import TriageStore

/// Issue 14: exit codes a cron job or CI can act on, read commands that never create databases, and one clear line
/// for what went wrong.
@Suite(.timeLimit(.minutes(10)))
struct HonestExitTests {
    /// A supplier invoice without an invoice number: the worker asks the model for it.
    static let invoiceLine = #"{"source":"ap_inbox","event_id":"i-1","kind":"supplier_invoice","occurred_at":"2026-11-02T10:15:00Z","# + #""payload":{"text":"Kowalczyk Trading Sp. z o.o.\nDate: 2026-11-02\nTotal due: 120.00 EUR"}}"#

    @Test("read commands with a mistyped --db say so and create nothing", arguments: [
        ["report"], ["cards", "list"], ["review", "--week"], ["worker", "--once", "--no-llm"], ["users", "list"],
    ])
    func readCommandsCreateNothing(_ command: [String]) async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("no/such/dir/x.sqlite")
        let run = try await TriageProcess.run(command + ["--db", missing.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("no database at \(missing.path)"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("no").path))
    }

    @Test("report on an empty log is an empty report, valid JSON, exit 0; reversed dates are bad input")
    func emptyReport() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.sqlite").path
        _ = try AppDatabase.open(path: path)
        let run = try await TriageProcess.run(["report", "--db", path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect((object?["rows"] as? [Any])?.isEmpty == true)
        let reversed = try await TriageProcess.run(["report", "--db", path, "--from", "2026-11-02", "--to", "2026-11-01"])
        #expect(reversed.status == 2)
        #expect(reversed.stderr.contains("must be after --from"))
    }

    @Test("a mistyped subcommand gets the nearest one and exit 2")
    func didYouMean() async throws {
        let top = try await TriageProcess.run(["reprot"])
        #expect(top.status == 2)
        #expect(top.stderr.contains("Did you mean 'report'?"))
        let nested = try await TriageProcess.run(["cards", "lsit"])
        #expect(nested.status == 2)
        #expect(nested.stderr.contains("Did you mean 'list'?"))
    }

    @Test("a worker whose model endpoint does not answer exits 3 naming the endpoint; the job stays queued")
    func unreachableModel() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.sqlite").path
        let input = folder.appendingPathComponent("in.jsonl")
        try Data((Self.invoiceLine + "\n").utf8).write(to: input)
        let ingest = try await TriageProcess.run(["ingest", "--db", path, input.path])
        #expect(ingest.status == 0, "\(ingest.stdout)\(ingest.stderr)")
        let closed = "http://127.0.0.1:9/v1"  // the discard port: nothing listens, the connection is refused
        let run = try await TriageProcess.run(
            ["worker", "--db", path, "--once", "--llm-attempts", "1", "--attempts", "3", "--llm-timeout", "5"],
            environment: ["TRIAGE_LLM_BASE_URL": closed])
        #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains(closed))
        #expect(run.stderr.contains("scripts/local-llm start"))
    }

    @Test("a live eval run whose endpoint does not answer exits 1 and says why")
    func liveEvalErrors() async throws {
        let run = try await TriageProcess.run(
            ["eval", "run", "--suite", "eval/contract-suite/invoices.json", "--suite", "eval/contract-suite/warranty.json", "--llm-attempts", "1", "--llm-timeout", "5",
             "--cache-db", FileManager.default.temporaryDirectory.appendingPathComponent("c-\(UUID()).db").path],
            environment: ["TRIAGE_LLM_BASE_URL": "http://127.0.0.1:9/v1"])
        #expect(run.status == 1, "\(run.stdout.suffix(400))\(run.stderr)")
        #expect(run.stdout.contains("RESULT: incomplete run"))
    }

    @Test("a server on a busy port says which port and which flag, in one line")
    func busyPort() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let holder = try ListeningSocket()
        defer { holder.close() }
        let run = try await TriageProcess.run(["serve", "--db", folder.appendingPathComponent("t.sqlite").path, "--port", "\(holder.port)"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("port \(holder.port) on 127.0.0.1 is already in use"))
        #expect(run.stderr.contains("--port"))
        #expect(!run.stderr.contains("bind(descriptor"))
    }
}

/// A loopback TCP socket listening on a port the system picked: a port that is busy for the test's duration.
struct ListeningSocket {
    let descriptor: Int32
    let port: UInt16

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && listen(descriptor, 1) == 0
                    && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard descriptor >= 0, bound else { throw CocoaError(.fileWriteUnknown) }
        self.descriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    func close() { _ = Glibc.close(descriptor) }
}

/// `rules explain` ends with what the card says: the action's validation against the store and the outcome.
@Suite(.timeLimit(.minutes(10)))
struct RulesExplainOutcomeTests {
    @Test("a rule whose action could not decide is traced to the judgment card it became")
    func explainMatchesTheCard() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try await TriageProcess.run(["demo", "--out", folder.path, "--no-llm", "--llm-sample", "0"]).status == 0)
        let path = folder.appendingPathComponent("triage.sqlite").path
        let cards = try AppDatabase.open(path: path).cards(statuses: [], kind: nil, limit: 5_000)
        let undecided = try #require(cards.first {
            $0.card.rule != nil && $0.card.decisionType != .binary && $0.card.details["ai_task"] == nil
        })
        let decided = try #require(cards.first { $0.card.decisionType == .binary && $0.card.plan != nil })
        for (stored, verdict) in [(undecided, "could not decide"), (decided, "checked out against the store")] {
            let run = try await TriageProcess.run(["rules", "explain", "\(stored.card.exceptionID)", "--db", path])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("outcome: card \(stored.id) · \(stored.card.decisionType.rawValue)"))
            #expect(run.stdout.contains(verdict), "\(run.stdout)")
        }
        // The same database from the card commands: the web queue's filters, a readable card, and JSON for machines.
        let listed = try await TriageProcess.run(["cards", "list", "--db", path, "--team", "finance", "--decision", "judgment", "--json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(!rows.isEmpty)
        for row in rows {
            let card = try #require(row["card"] as? [String: Any])
            #expect(card["team"] as? String == "finance" && card["decisionType"] as? String == "judgment")
            #expect(card["status"] as? String == "open")
        }
        let shown = try await TriageProcess.run(["cards", "show", "\(undecided.id)", "--db", path])
        #expect(shown.stdout.hasPrefix("card \(undecided.id) · \(undecided.card.kind.rawValue)"))
        #expect(shown.stdout.contains("── exception \(undecided.card.exceptionID)"))
        // Search, as the queue's search box: an order number (with or without "#"), an event id, text; wildcards are
        // searched for, not expanded.
        let database = try AppDatabase.open(path: path)
        let open = try #require(try await database.reviewQueue(QueueFilter(limit: 500), now: Date()).first { item in
            (try? database.exception(id: item.card.card.exceptionID))??.exception.orderNumber != nil
        })
        let record = try #require(try database.exception(id: open.card.card.exceptionID))
        let number = try #require(record.exception.orderNumber)
        for query in [number, "#" + number, record.exception.eventID] {
            var filter = QueueFilter(limit: 500)
            filter.search = query
            #expect(try await database.reviewQueue(filter, now: Date()).contains { $0.card.id == open.card.id }, "\(query)")
        }
        var wildcard = QueueFilter(limit: 500)
        wildcard.search = "%_%"
        #expect(try await database.reviewQueue(wildcard, now: Date()).isEmpty)
        let machine = try await TriageProcess.run(["cards", "show", "\(undecided.id)", "--db", path, "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(machine.stdout.utf8)) as? [String: Any])?["id"] as? Int == Int(undecided.id))
    }
}

/// The README's examples, run as written.
@Suite(.timeLimit(.minutes(10)))
struct ReadmeExampleTests {
    static var readme: String {
        get throws { try String(contentsOf: TriageProcess.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8) }
    }

    @Test("the exception-format example, pasted into a file, ingests as one stored record")
    func ingestExample() async throws {
        let readme = try Self.readme
        let section = try #require(readme.range(of: "## Exception input format"))
        let block = try #require(readme[section.upperBound...].firstMatch(of: /```json\n(.+?)\n```/.dotMatchesNewlines()))
        let example = String(block.output.1)
        #expect(!example.contains("\n"), "the README's record must be on one line so it can be pasted")
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("exceptions.jsonl")
        try Data((example + "\n").utf8).write(to: file)
        let run = try await TriageProcess.run(["ingest", "--db", folder.appendingPathComponent("t.sqlite").path, file.path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("1 read, 1 stored"))
    }

    @Test("rules check on the shipped table, and rules show, as the README writes them")
    func rulesExamples() async throws {
        let check = try await TriageProcess.run(["rules", "check", "rules.yaml"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(try await TriageProcess.run(["rules", "show"]).status == 0)
    }
}
