import Foundation
import Hummingbird
import Testing
import TriageCore
import TriageStore
import TriageTestSupport

@Suite(.serialized, .timeLimit(.minutes(10))) struct WorkerCrashTests {
    @Test func killedWorkerNeverLosesAJobNorWritesASecondCard() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try await TriageProcess.run(["demo", "--out", folder.path, "--llm-sample", "0", "--no-llm"]).status == 0)
        let dbPath = folder.appendingPathComponent("triage.sqlite").path
        try await StubChatEndpoint.run(latency: .milliseconds(40)) { port in
            let environment = ["TRIAGE_LLM_BASE_URL": "http://127.0.0.1:\(port)/v1"]
            let worker = ["worker", "--db", dbPath, "--concurrency", "4", "--lease-seconds", "2", "--llm-timeout", "5"]
            var generator = SystemRandomNumberGenerator()
            for _ in 0..<22 {
                let process = try TriageProcess.start(worker, environment: environment)
                try await Task.sleep(for: .milliseconds(Int.random(in: 150...700, using: &generator)))
                kill(process.processIdentifier, SIGKILL)
                await process.exited()
                #expect(process.terminationReason == .uncaughtSignal)
            }
            // Exit 1 says jobs ran out of attempts in this run (killed workers use up attempts); 0 that none did.
            let last = try await TriageProcess.run(worker + ["--once"], environment: environment)
            #expect(last.status == 0 || (last.status == 1 && last.stderr.contains("ran out of attempts")), "\(last.stderr)")
        }
        let database = try AppDatabase.open(path: dbPath)
        let jobs = try database.aiJobs()
        #expect(jobs.count > 300)
        #expect(jobs.allSatisfy { $0.state == .done || $0.state == .dead })
        let counts = try database.counts()
        #expect(counts["cards"]! + counts["card_links"]! == counts["exceptions"], "one card per exception, or joined to one")
        for job in jobs {
            let card = try #require(try database.card(exceptionID: job.exceptionID))
            if job.state == .done { #expect(card.suggestion != nil) } else { #expect(card.card.flags == ["worker_failed"]) }
        }
    }
}
