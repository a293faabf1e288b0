import Foundation
import Testing
import TriageCore
import TriageStore

/// Issue 11: a huge amount used to kill `triage ingest` (SIGILL) and roll back the whole batch; a CR-only or BOM
/// CSV stored nothing and said so with success.
@Suite struct IngestRobustnessTests {
    static let good =
        #"{"source":"gateway","event_id":"ok","kind":"payment_drift","occurred_at":"2026-11-02T10:00:00Z","order_number":"1","amount":"48.48"}"#

    @Test func aHugeAmountRejectsItsLineAndTheRestIsStored() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("huge.jsonl")
        let lines = [
            Self.good.replacingOccurrences(of: #""ok""#, with: #""h1""#).replacingOccurrences(of: #""48.48""#, with: "1e300"),
            Self.good,
            Self.good.replacingOccurrences(of: #""ok""#, with: #""h2""#).replacingOccurrences(of: "48.48", with: "123456789012345678"),
        ]
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        let db = folder.appendingPathComponent("t.sqlite").path
        let output = try await TriageProcess.run(["ingest", file.path, "--db", db, "--rules", "rules.yaml"])
        #expect(output.status == 1, "\(output.stderr)")
        #expect(output.stderr.contains(#"huge.jsonl:1: field "amount": out of range"#), "\(output.stderr)")
        #expect(output.stderr.contains(#"huge.jsonl:3: field "amount": out of range"#))
        #expect(output.stdout.contains("3 read, 1 stored, 0 duplicates ignored, 2 rejected"), "\(output.stdout)")
        #expect(try AppDatabase.open(path: db).counts()["cards"] == 1)
    }

    @Test("a CSV with CR line ends and a byte-order mark stores every row", arguments: ["\r", "\r\n"])
    func crAndBOMCSV(_ end: String) async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("rows.csv")
        let rows = [
            "\u{FEFF}source,event_id,kind,occurred_at,text", "erp,c1,inventory_drift,2026-11-02T09:00:00Z,a",
            "erp,c2,inventory_drift,2026-11-02T09:00:00Z,\"open", "erp,c3,inventory_drift,2026-11-02T09:00:00Z,b",
        ]
        try Data(rows.joined(separator: end).utf8).write(to: file)
        let db = folder.appendingPathComponent("t.sqlite").path
        let output = try await TriageProcess.run(["ingest", file.path, "--db", db, "--rules", "rules.yaml"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("rows.csv:3: a quote opens on line 3 and never closes"), "\(output.stderr)")
        #expect(output.stdout.contains("3 read, 2 stored, 0 duplicates ignored, 1 rejected"), "\(output.stdout)")
    }
}
