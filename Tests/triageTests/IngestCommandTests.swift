import Foundation
import Testing
import TriageCore
import TriageStore

@Suite struct IngestCommandTests {
    static let lines = [
        #"{"source":"gateway","event_id":"e1","kind":"payment_drift","occurred_at":"2026-11-02T10:00:00Z","order_number":"1","payload":{"gateway_status":"captured"}}"#,
        #"{"source":"gateway","event_id":"e2","kind":"payment_drift","occurred_at":"2026-11-02T10:"#,
        #"{"source":"gateway","kind":"payment_drift","occurred_at":"2026-11-02T10:00:00Z"}"#,
        #"{"source":"gateway","event_id":"e1","kind":"payment_drift","occurred_at":"2026-11-02T10:00:00Z"}"#,
        #"{"source":"mail","event_id":"m1","kind":"warranty_claim","occurred_at":"2026-11-02T11:00:00Z","text":"My kettle broke"}"#,
    ]

    @Test func namesEachBadLineStoresTheGoodOnesAndCountsTheDuplicate() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("exceptions.jsonl")
        try Data(Self.lines.joined(separator: "\n").utf8).write(to: file)
        let db = folder.appendingPathComponent("t.sqlite").path
        let output = try await TriageProcess.run(["ingest", file.path, "--db", db, "--rules", "rules.yaml"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("exceptions.jsonl:2: not a complete JSON object"))
        #expect(output.stderr.contains(#"exceptions.jsonl:3: field "event_id": missing"#))
        #expect(output.stdout.contains("2 stored, 1 duplicates ignored, 2 rejected"))
        let counts = try AppDatabase.open(path: db).counts()
        #expect(counts["exceptions"] == 2)
        #expect(counts["cards"] == 2)
        #expect(counts["ai_jobs"] == 1)
    }

    @Test func tolerateRejectsExitsZeroAndRerunStoresNothingTwice() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("exceptions.jsonl")
        try Data(Self.lines.joined(separator: "\n").utf8).write(to: file)
        let db = folder.appendingPathComponent("t.sqlite").path
        let arguments = ["ingest", file.path, "--db", db, "--rules", "rules.yaml", "--tolerate-rejects"]
        #expect(try await TriageProcess.run(arguments).status == 0)
        let again = try await TriageProcess.run(arguments)
        #expect(again.stdout.contains("0 stored, 3 duplicates ignored"))
        #expect(try AppDatabase.open(path: db).counts()["exceptions"] == 2)
    }

    @Test func rulesCheckReportsLineNumbersAndFails() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("rules.yaml")
        let yaml = """
            version: 1
            rules:
              - id: pay
                when: { kind: payment_drift }
                decision: binary
                action: release_or_cancel_payment
                mode: autoo
            """
        try Data(yaml.utf8).write(to: file)
        let output = try await TriageProcess.run(["rules", "check", file.path])
        #expect(output.status == 2)  // a rules file with errors is bad input (README, "Exit codes")
        #expect(output.stderr.contains("rules.yaml:7:"))
        #expect(output.stderr.contains("autoo"))
    }

    @Test func explainPrintsEveryRuleTriedForAStoredException() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("one.jsonl")
        try Data(Self.lines[4].utf8).write(to: file)
        let db = folder.appendingPathComponent("t.sqlite").path
        #expect(try await TriageProcess.run(["ingest", file.path, "--db", db, "--rules", "rules.yaml"]).status == 0)
        let output = try await TriageProcess.run(["rules", "explain", "1", "--db", db, "--rules", "rules.yaml"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("warranty"))
        #expect(output.stdout.contains("payment_drift"))
    }

    @Test func aDirectoryIsAOneLineErrorNotAFoundationDump() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("t.sqlite").path
        let output = try await TriageProcess.run(["ingest", folder.path, "--db", db, "--rules", "rules.yaml"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("\(folder.path) is a folder, not a file"))
        #expect(!output.stderr.contains("NSCocoaErrorDomain"))
        #expect(output.stderr.split(separator: "\n").count == 1)
    }
}
