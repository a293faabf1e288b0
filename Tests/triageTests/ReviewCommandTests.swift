import Foundation
import GRDB
import Testing
import TriageCore
import TriageStore

/// The weekly review on the demo database with scripted reviewer decisions, checked against counts the test makes
/// itself with SQL.
@Suite(.serialized, .timeLimit(.minutes(10))) struct ReviewCommandTests {
    /// A demo database with the AI queue drained (deterministic path) and 300 scripted decisions.
    static func reviewedDemo(_ folder: URL) async throws -> String {
        let demo = folder.appendingPathComponent("demo")
        #expect(try await TriageProcess.run(["demo", "--out", demo.path, "--no-llm", "--llm-sample", "0"]).status == 0)
        let db = demo.appendingPathComponent("triage.sqlite").path
        #expect(try await TriageProcess.run(["worker", "--db", db, "--once", "--no-llm", "--concurrency", "4"]).status == 0)
        let simulated = try await TriageProcess.run(["simulate-decisions", "--count", "300", "--db", db])
        #expect(simulated.status == 0)
        #expect(simulated.stdout.contains("simulated 300 decisions"))
        return db
    }

    @Test func everySectionPrintsAndTheNumbersMatchIndependentCounts() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try await Self.reviewedDemo(folder)
        let json = folder.appendingPathComponent("review.json")
        let csv = folder.appendingPathComponent("csv")
        let output = try await TriageProcess.run(["review", "--week", "2026-11-19", "--db", db, "--json", json.path, "--csv", csv.path])
        #expect(output.status == 0)
        for title in ["Top exception types", "Auto-resolution", "Rules:", "AI suggestions", "Median time to decide",
                      "Upstream fix candidates", "Exception supply chain", "Cascades"] {
            #expect(output.stdout.contains(title), "\(title)")
        }
        let review = try JSONCoding.decode(WeeklyReview.self, from: String(decoding: try Data(contentsOf: json), as: UTF8.self))
        let files = try FileManager.default.contentsOfDirectory(atPath: csv.path).sorted()
        #expect(files.count == 8)
        // CSV cells are single numbers ("87.5", "13"), never "87.5 % of 13"; weeks before the log are empty, not 0.
        let ai = try String(contentsOf: csv.appendingPathComponent("ai_suggestions.csv"), encoding: .utf8)
        #expect(ai.hasPrefix("task,decided,accepted,edited,rejected,high_accepted_pct,high_decided"))
        #expect(!ai.contains("%") && !ai.contains(" of "))
        let types = try String(contentsOf: csv.appendingPathComponent("top_types.csv"), encoding: .utf8)
        let firstRow = types.split(separator: "\r\n")[1].split(separator: ",", omittingEmptySubsequences: false)
        let trend = review.types[0].trend
        #expect(trend.first == .some(nil), "the demo log spans less than five weeks")
        #expect(firstRow.suffix(trend.count).map(String.init) == trend.map { $0.map { String(format: "%.1f", $0) } ?? "" })

        let queue = try DatabaseQueue(path: db)
        try await queue.read { db in
            let end = review.weekEnd.timeIntervalSince1970, start = review.weekStart.timeIntervalSince1970
            // Top types: count and count × median handling minutes, per kind, this week.
            for type in review.types {
                let minutes = try Double.fetchAll(
                    db, sql: "SELECT handling_minutes FROM exceptions WHERE kind = ? AND occurred_at >= ? AND occurred_at < ? AND handling_minutes IS NOT NULL ORDER BY handling_minutes",
                    arguments: [type.kind.rawValue, start, end])
                let count = try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM exceptions WHERE kind = ? AND occurred_at >= ? AND occurred_at < ?",
                    arguments: [type.kind.rawValue, start, end]) ?? 0
                let median = minutes.count % 2 == 1 ? minutes[minutes.count / 2] : (minutes[minutes.count / 2 - 1] + minutes[minutes.count / 2]) / 2
                #expect(type.count == count, "\(type.kind)")
                #expect(abs(type.hours - Double(count) * median / 60) < 1e-9, "\(type.kind)")
            }
            #expect(review.types.map(\.hours) == review.types.map(\.hours).sorted(by: >))
            // Auto-resolution over this week's cards.
            let cards = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cards c JOIN exceptions e ON e.id = c.exception_id WHERE e.occurred_at >= ? AND e.occurred_at < ?", arguments: [start, end]) ?? 0
            let auto = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cards c JOIN exceptions e ON e.id = c.exception_id WHERE c.status = 'auto_resolved' AND e.occurred_at >= ? AND e.occurred_at < ?", arguments: [start, end]) ?? 0
            #expect(review.automation.cards == cards)
            #expect(review.automation.autoResolved == auto)
            // Rule agreement: reviewer decisions on the rule's planned cards in the window, agreeing = the plan's action.
            for rule in review.rules where rule.mode == .gated {
                let windowStart = review.weekEnd.addingTimeInterval(-35 * 86_400).timeIntervalSince1970
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) AS reviewed, SUM(d.action = json_extract(c.plan, '$.action')) AS agreed
                        FROM decisions d JOIN cards c ON c.id = d.card_id JOIN exceptions e ON e.id = c.exception_id
                        WHERE d.actor_kind = 'reviewer' AND c.rule_id = ? AND c.plan IS NOT NULL
                          AND e.occurred_at >= ? AND e.occurred_at < ?
                        """, arguments: [rule.ruleID, windowStart, end])
                #expect(rule.reviewed == (row?["reviewed"] ?? 0), "\(rule.ruleID)")
                #expect(rule.agreed == (row?["agreed"] ?? 0), "\(rule.ruleID)")
            }
            // AI suggestions: final reviewer decisions per task this week, accepted as is / edited / rejected.
            for task in review.ai {
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT d.action, d.edited_fields, json_extract(c.suggestion, '$.action') AS suggested
                        FROM decisions d JOIN cards c ON c.id = d.card_id JOIN exceptions e ON e.id = c.exception_id
                        WHERE d.actor_kind = 'reviewer' AND json_extract(c.suggestion, '$.task') = ?
                          AND json_extract(c.suggestion, '$.action') IS NOT NULL AND e.occurred_at >= ? AND e.occurred_at < ?
                        """, arguments: [task.task.rawValue, start, end])
                let rejected = rows.filter { ($0["action"] as String) == "reject" }.count
                let accepted = rows.filter { ($0["action"] as String) == ($0["suggested"] as String) && ($0["edited_fields"] as String) == "[]" }.count
                #expect(task.decided == rows.count, "\(task.task)")
                #expect(task.accepted == accepted, "\(task.task)")
                #expect(task.rejected == rejected, "\(task.task)")
                #expect(task.edited == rows.count - accepted - rejected, "\(task.task)")
            }
        }
        #expect(review.upstream.contains { $0.kind == .addressHold && $0.share >= 0.6 })
        #expect(review.supplyChain.first { $0.kind == .paymentDrift }?.routing == "rule in auto")
        #expect(review.cascades.isEmpty)
    }

    @Test func harvestedDecisionsRunAsSuitesWithTheirExportedFixtures() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try await Self.reviewedDemo(folder)
        let out = folder.appendingPathComponent("harvest/harvested.jsonl")
        let harvest = try await TriageProcess.run(["eval", "harvest", "--since", "2026-01-01", "--out", out.path, "--db", db])
        #expect(harvest.status == 0)
        let decided = try await DatabaseQueue(path: db).read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM decisions d JOIN cards c ON c.id = d.card_id
                    WHERE d.actor_kind = 'reviewer' AND c.suggestion IS NOT NULL AND d.action != 'reject'
                    """) ?? 0
        }
        var harvested = 0
        for task in ["invoice", "return_match", "warranty"] {
            let manifest = folder.appendingPathComponent("harvest/harvested.\(task).suite.json").path
            #expect(harvest.stdout.contains(manifest), "\(task)")
            let cases = try String(contentsOfFile: folder.appendingPathComponent("harvest/harvested.\(task).jsonl").path, encoding: .utf8)
            harvested += cases.split(separator: "\n").count
            let run = try await TriageProcess.run(["eval", "run", "--no-llm", "--suite", manifest])
            #expect(run.status == 0, "\(task): \(run.stderr)")
            #expect(run.stdout.contains("== harvested.\(task) (\(task))"), "\(task): \(run.stdout.prefix(300))")
        }
        #expect(decided > 0)
        #expect(harvested == decided)
    }

    @Test func aBurstOfPaymentDriftFromOneSourceRaisesOneCascadeCardAndShowsInTheReview() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = folder.appendingPathComponent("demo")
        #expect(try await TriageProcess.run(["demo", "--out", demo.path, "--no-llm", "--llm-sample", "0"]).status == 0)
        let db = demo.appendingPathComponent("triage.sqlite").path
        let store = try AppDatabase.open(path: db)
        let last = try #require(try await store.latestExceptionDate())
        let burstHour = Calendar(identifier: .gregorian).startOfDay(for: last).addingTimeInterval(86_400 + 3 * 3600)
        let lines = (0..<80).map { index in
            #"{"source":"gateway","event_id":"burst-\#(index)","kind":"payment_drift","reason":"status_mismatch","occurred_at":"\#(ISODate.format(burstHour.addingTimeInterval(Double(index) * 40)))","order_number":"999\#(index)","payload":{"gateway_status":"captured"}}"#
        }
        let file = folder.appendingPathComponent("burst.jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        let ingest = try await TriageProcess.run(["ingest", file.path, "--db", db, "--rules", "rules.yaml"])
        #expect(ingest.status == 0)
        #expect(ingest.stdout.contains("cascades raised 1"))
        let again = try await TriageProcess.run(["ingest", file.path, "--db", db, "--rules", "rules.yaml"])
        #expect(!again.stdout.contains("cascades raised"))
        let cascades = try await DatabaseQueue(path: db).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cards c JOIN exceptions e ON e.id = c.exception_id WHERE e.reason = 'cascade'") ?? 0
        }
        #expect(cascades == 1)
        let escalated = try #require(try await store.openEscalations().first { $0.reason == "cascade" })
        #expect(escalated.count == 1)
        let review = try await TriageProcess.run(["review", "--week", String(ISODate.format(burstHour).prefix(10)), "--db", db])
        #expect(review.stdout.contains("payment_drift  gateway"))
        #expect(review.stdout.contains("#\(escalated.cardIDs[0])"))
    }
}
