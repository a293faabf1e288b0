import Foundation
import Testing
import TriageCore
import GRDB
import TriageStore

@Suite struct DemoCommandTests {
    @Test func demoIsIdempotentAndTheReportRanksTheTopFive() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("demo").path
        let arguments = ["demo", "--out", out, "--rules", "rules.yaml", "--no-llm", "--llm-sample", "0", "--force"]
        let first = try await TriageProcess.run(arguments)
        #expect(first.status == 0)
        let db = out + "/triage.sqlite"
        let counts = try AppDatabase.open(path: db).counts()
        #expect(try await TriageProcess.run(arguments).status == 0)
        #expect(try AppDatabase.open(path: db).counts() == counts)
        #expect(counts["orders"]! >= 5_000)
        #expect(counts["exceptions"]! >= 3_000)
        // One card per exception, except the demo's repeats for one order and cause: those join the open card.
        #expect(counts["cards"]! + counts["card_links"]! == counts["exceptions"])
        #expect(counts["card_links"]! > 0)
        let report = try await TriageProcess.run(["report", "--db", db, "--json"])
        let parsed = try JSONCoding.decode(ExceptionReport.self, from: report.stdout)
        #expect(parsed.rows.count == ExceptionKind.allCases.count)
        #expect(parsed.rows.map(\.hoursPerWeek) == parsed.rows.map(\.hoursPerWeek).sorted(by: >))
        #expect(parsed.total == counts["exceptions"])
        let database = try AppDatabase.open(path: db)
        #expect(try database.isDemo())
        let payloads = try await database.writer.read { db in try String.fetchAll(db, sql: "SELECT payload FROM exceptions") }
        #expect(!payloads.contains { $0.contains("truth") }, "labels live in demo_labels, never in a payload")
    }

    @Test func simulateDecisionsRefusesADatabaseTheDemoDidNotMake() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("real.sqlite").path
        _ = try AppDatabase.open(path: db)
        let run = try await TriageProcess.run(["simulate-decisions", "--db", db])
        #expect(run.status != 0)
        #expect(run.stderr.contains("is not a demo database"), "\(run.stderr)")
    }
}
