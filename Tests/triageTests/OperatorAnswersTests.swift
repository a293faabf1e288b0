import Foundation
import Hummingbird
import Testing
import TriageCore
import TriageStore
import TriageTestSupport

@testable import TriageCommands

/// Issue 28: commands that tell the same story as the database — the queue with its total, a joined card named
/// where it was joined, the demo's counts and its dead jobs, the week a review means.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct OperatorAnswersTests {
    @Test("cards list is the open queue in queue order, with a confidence column and a total line")
    func cardsListIsTheQueue() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try await CardsDecideCommandTests.database(folder)
        let open = try await AppDatabase.open(path: db).reviewQueue(QueueFilter(limit: 100_000), now: Date())
        let run = try await TriageProcess.run(["cards", "list", "--db", db, "--limit", "5"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("confidence"))
        #expect(run.stdout.contains("showing 5 of \(open.count) open card(s), in queue order"), "\(run.stdout)")
        let ids = run.stdout.split(separator: "\n").dropFirst(2).prefix(5).compactMap { Int64($0.split(separator: " ").first ?? "") }
        #expect(ids == open.prefix(5).map(\.card.id))
        var byRule = QueueFilter(limit: 100_000)
        byRule.rule = "inventory-small-drift"
        let gated = try await AppDatabase.open(path: db).reviewQueue(byRule, now: Date()).count
        #expect(gated > 0)
        let ruled = try await TriageProcess.run(["cards", "list", "--db", db, "--rule", "inventory-small-drift", "--limit", "2"])
        #expect(ruled.stdout.contains("showing 2 of \(gated) open card(s)"), "\(ruled.stdout)")
        let resolved = try await TriageProcess.run(["cards", "list", "--db", db, "--status", "auto_resolved", "--limit", "3"])
        #expect(resolved.stdout.contains("3 card(s) with status auto_resolved, newest first"), "\(resolved.stdout)")
        let mixed = try await TriageProcess.run(["cards", "list", "--db", db, "--status", "open", "--team", "finance"])
        #expect(mixed.status == 2)
        // A report from after the log's last day is an empty range that starts there, not a reversed one.
        let later = try await TriageProcess.run(["report", "--db", db, "--from", "2027-01-01"])
        #expect(later.status == 0 && !later.stdout.contains("2027-01-01 to 2026"), "\(later.stdout)")
    }

    @Test("rules explain and cards show name the card an exception joined, after the worker matched its order")
    func joinedCardsAreNamed() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try await CardsDecideCommandTests.database(folder)
        let worker = try await TriageProcess.run(["worker", "--once", "--no-llm", "--db", db])
        #expect(worker.status == 0, "\(worker.stderr)")
        let joined = try #require(
            try AppDatabase.open(path: db).cards(statuses: [.joined], kind: nil, limit: 1).first, "the demo joins cards")
        let survivor = try #require(joined.joinedTo)
        let aiCard = try #require(
            try AppDatabase.open(path: db).cards(statuses: [.open], kind: .warrantyClaim, limit: 1).first)
        let routed = try await TriageProcess.run(["rules", "explain", "\(aiCard.card.exceptionID)", "--db", db])
        #expect(routed.stdout.contains("sent it to the AI worker (task warranty)"), "\(routed.stdout)")
        let explain = try await TriageProcess.run(["rules", "explain", "\(joined.card.exceptionID)", "--db", db])
        #expect(explain.stdout.contains("joined card \(survivor)") && explain.stdout.contains("decide on card \(survivor)"))
        let show = try await TriageProcess.run(["cards", "show", "\(survivor)", "--db", db])
        #expect(show.stdout.contains("joined events"))
        #expect(show.stdout.contains("exception \(joined.card.exceptionID) "), "\(show.stdout)")
        // The JSON is the card as before, with the joined events and the decisions beside its fields.
        let machine = try await TriageProcess.run(["cards", "show", "\(survivor)", "--db", db, "--json"])
        let object = try JSONCoding.decode(JSONValue.self, from: machine.stdout)
        #expect(object["id"]?.number == Double(survivor))
        #expect(object["joined"]?.array?.contains { $0["id"]?.number == Double(joined.card.exceptionID) } == true)
        #expect(object["decisions"]?.array != nil)
        _ = try JSONCoding.decode(StoredCard.self, from: machine.stdout)
        // A decision shows on the card: who, what, and why.
        _ = try await TriageProcess.run(["users", "add", "dana", "--team", "customer_ops", "--db", db])
        let reject = try await TriageProcess.run(["cards", "reject", "\(survivor)", "--reason", "duplicate claim", "--as", "dana", "--db", db])
        #expect(reject.status == 0, "\(reject.stderr)")
        let decided = try await TriageProcess.run(["cards", "show", "\(survivor)", "--db", db])
        #expect(decided.stdout.contains("decisions (1)") && decided.stdout.contains("dana (reviewer) · reject · \"duplicate claim\""), "\(decided.stdout)")
    }

    @Test("the demo's counts agree, its worker hint keeps --no-llm, and it exits 1 when jobs went dead")
    func demoTellsTheSameStory() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = try await TriageProcess.run(
            ["demo", "--out", folder.appendingPathComponent("a").path, "--no-llm", "--llm-sample", "2"])
        #expect(plain.status == 0, "\(plain.stderr)")
        for task in AITask.allCases {
            #expect(plain.stdout.contains("  \(task.rawValue): 2 card(s) pre-filled, 0 dead"), "\(plain.stdout)")
        }
        #expect(plain.stdout.contains("pre-filled in this run: invoice 2, return_match 2, warranty 2; dead: 0"))
        #expect(plain.stdout.contains("--once --concurrency 2 --no-llm"))
        // Every confirmation the routing queued is delivered to the demo's file, not the first batch only.
        let demoDB = folder.appendingPathComponent("a/triage.sqlite").path
        #expect(try AppDatabase.open(path: demoDB).outboxMessages(state: .pending).isEmpty)
        let sample0 = try await TriageProcess.run(
            ["demo", "--out", folder.appendingPathComponent("c").path, "--no-llm", "--llm-sample", "0"])
        #expect(sample0.stdout.contains("unstructured exceptions queued. Drain them with:"), "\(sample0.stdout)")
        // Reading commands in a folder without ./triage.sqlite point at the demo's database.
        let report = try await TriageProcess.run(["report"], in: folder)
        #expect(report.status == 1)
        #expect(report.stderr.contains("--db demo/triage.sqlite"), "\(report.stderr)")
        // A model that refuses every request (a 400 is not retried): jobs that need it go dead, and the demo says so.
        try await LoopbackServer.run(Self.refusingModel()) { port in
            let environment = ["TRIAGE_LLM_BASE_URL": "http://127.0.0.1:\(port)/v1", "TRIAGE_LLM_MODEL": "refusing"]
            let run = try await TriageProcess.run(
                ["demo", "--out", folder.appendingPathComponent("b").path, "--llm-sample", "2"], environment: environment)
            #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
            #expect(run.stdout.contains("went dead (out of attempts)"), "\(run.stdout)")
        }
    }

    @Test("review --week without a date is the last full Monday-to-Sunday week")
    func lastFullWeek() {
        func day(_ text: String) -> Date { ISODate.parse(text)! }
        // Monday 2026-12-07 → Sunday 2026-12-06; Sunday 2026-12-06 → the Sunday before; Saturday → the Sunday before.
        #expect(ReviewCommand.lastFullWeekEnd(before: day("2026-12-07").addingTimeInterval(3_600)) == day("2026-12-06"))
        #expect(ReviewCommand.lastFullWeekEnd(before: day("2026-12-06").addingTimeInterval(80_000)) == day("2026-11-29"))
        #expect(ReviewCommand.lastFullWeekEnd(before: day("2026-12-05")) == day("2026-11-29"))
    }

    @Test("serve warns when it listens beyond loopback, and says what to do")
    func exposureWarning() {
        for host in ["127.0.0.1", "::1", "localhost", "LOCALHOST"] {
            #expect(ServeCommand.exposureWarning(host: host, secureCookies: false) == nil, "\(host)")
        }
        let open = ServeCommand.exposureWarning(host: "0.0.0.0", secureCookies: false)
        #expect(open?.contains("reachable from other machines") == true && open?.contains("--secure-cookies") == true)
        #expect(ServeCommand.exposureWarning(host: "10.0.0.5", secureCookies: true)?.contains("--secure-cookies") == false)
    }

    /// `GET /v1/models` answers (the demo's reachability probe passes); every chat call is a 400.
    static func refusingModel() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/v1/models") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: .init(string: #"{"data":[]}"#)))
        }
        router.post("/v1/chat/completions") { _, _ -> Response in Response(status: .badRequest) }
        return router
    }
}
