import Foundation
import GRDB
import Testing
import TriageCore
import TriageStore

@Suite(.serialized, .timeLimit(.minutes(10))) struct OutboxCommandTests {
    @Test func unconfiguredSystemsStayPendingAndExitIsZero() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try await outboxDatabase(in: folder, systems: ["storefront", "erp", "gateway", "storefront"])
        try await withOutboxStub { port, inbox in
            let run = try await TriageProcess.run(
                ["outbox", "deliver", "--db", db, "--endpoint", "erp=http://127.0.0.1:\(port)/ok"], in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(
                run.stdout.contains(
                    "1 delivered, 0 failed, 0 to retry; left 3 pending for storefront, gateway: no endpoint configured")
            )
            #expect(inbox.keys.withLock { $0.count } == 1)
        }
        #expect(
            try AppDatabase.open(path: db).outboxMessages(state: .pending).map(\.targetSystem) == [
                "storefront", "gateway", "storefront",
            ])
    }

    @Test func eachFailurePrintsItsReasonThenListAndRetryBringItBack() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try await outboxDatabase(in: folder, systems: ["erp", "gateway"])
        try await withOutboxStub { port, _ in
            let run = try await TriageProcess.run([
                "outbox", "deliver", "--db", db, "--endpoint", "erp=http://127.0.0.1:\(port)/ok",
                "--endpoint", "gateway=http://127.0.0.1:\(port)/refuse",
            ])
            #expect(run.status == 1)
            #expect(run.stdout.contains("failed #2 gateway: gateway answered HTTP 400"))
            #expect(run.stdout.contains("1 delivered, 1 failed"))
        }
        let list = try await TriageProcess.run(["outbox", "list", "--db", db, "--state", "failed", "--json"])
        #expect(list.status == 0)
        let line = try JSONCoding.decode(JSONValue.self, from: list.stdout)
        #expect(line["id"] == 2)
        #expect(line["last_error"] == "gateway answered HTTP 400")
        let table = try await TriageProcess.run(["outbox", "list", "--db", db, "--system", "gateway"])
        #expect(table.stdout.contains("gateway answered HTTP 400"))

        let unknown = try await TriageProcess.run(["outbox", "retry", "2", "77", "--db", db])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no outbox message with id 77"))
        let retried = try await TriageProcess.run(["outbox", "retry", "--all-failed", "--db", db])
        #expect(retried.status == 0)
        #expect(retried.stdout.contains("requeued #2 gateway"))
        #expect(try AppDatabase.open(path: db).outboxMessages(state: .pending).map(\.id) == [2])
        #expect(try await TriageProcess.run(["outbox", "retry", "--db", db]).status == 2)
    }

    @Test("messages waiting on backoff after a 503 are reported with their next attempt, by deliver and by list")
    func waitingMessagesAreNamed() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try await outboxDatabase(in: folder, systems: ["erp", "erp"])
        try await withOutboxStub { port, _ in
            let endpoint = ["--endpoint", "erp=http://127.0.0.1:\(port)/unavailable", "--max-wait", "0"]
            let first = try await TriageProcess.run(["outbox", "deliver", "--db", db] + endpoint)
            #expect(first.status == 1, "\(first.stdout)")
            // Whether the first run still sees them waiting depends on the clock (the first backoff is about a second);
            // the run below, with the backoff set an hour ahead, does not.
            // Later in the backoff (an hour, whatever the clock did meanwhile), a run finds nothing due: it attempts
            // nothing and still says what waits and until when.
            try await AppDatabase.open(path: db).writer.write { db in
                try db.execute(sql: "UPDATE outbox SET next_attempt_at = ?", arguments: [Date().timeIntervalSince1970 + 3_600])
            }
            let second = try await TriageProcess.run(["outbox", "deliver", "--db", db] + endpoint)
            #expect(second.stdout.contains("0 delivered, 0 failed, 0 to retry"), "\(second.stdout)")
            #expect(second.stdout.contains("2 message(s) wait on backoff after a failed attempt; the next is due at 20"))
        }
        let list = try await TriageProcess.run(["outbox", "list", "--db", db])
        #expect(list.stdout.contains("NEXT ATTEMPT"))
        let next = try #require(try AppDatabase.open(path: db).outboxMessages(state: .pending).first?.nextAttemptAt)
        #expect(list.stdout.contains(ISODate.format(next)), "\(list.stdout)")
    }

    @Test func theConfigFileSendsSecretHeadersWithoutPrintingThem() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try await outboxDatabase(in: folder, systems: ["erp"])
        try await withOutboxStub { port, inbox in
            let config = folder.appendingPathComponent("outbox.yaml")
            let yaml = "systems:\n  erp:\n    url: http://127.0.0.1:\(port)/ok\n    headers:\n      X-Key: ERP_KEY\n"
            try yaml.write(to: config, atomically: true, encoding: .utf8)
            let run = try await TriageProcess.run(
                ["outbox", "deliver", "--db", db], environment: ["ERP_KEY": "s3cret-value"], in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(inbox.keys.withLock { $0 } == ["s3cret-value"])
            #expect(!(run.stdout + run.stderr).contains("s3cret"))
        }
    }

    @Test func aBadConfigFileIsExitTwoNamingFileLineAndField() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try await outboxDatabase(in: folder, systems: ["erp"])
        let config = folder.appendingPathComponent("endpoints.yaml")
        try "systems:\n  erp:\n    url: not a url\n".write(to: config, atomically: true, encoding: .utf8)
        let run = try await TriageProcess.run(["outbox", "deliver", "--db", db, "--outbox-config", config.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("endpoints.yaml:3:10: systems.erp.url: expected an http(s) URL"))
        let flag = try await TriageProcess.run(["outbox", "deliver", "--db", db, "--endpoint", "erp"])
        #expect(flag.status == 2)
        #expect(try AppDatabase.open(path: db).outboxMessages(state: .pending).count == 1)
    }

    @Test func theDefaultSinkIsWrittenBesideTheDatabase() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try await outboxDatabase(in: folder, systems: ["erp", "gateway"])
        let run = try await TriageProcess.run(["outbox", "deliver", "--db", db], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let beside = folder.appendingPathComponent("data/outbox.jsonl").path
        #expect(try String(contentsOfFile: beside, encoding: .utf8).split(separator: "\n").count == 2)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("outbox.jsonl").path))
    }
}
