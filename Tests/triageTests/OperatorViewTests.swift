import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TriageTestSupport

/// Issue 17 (operator's view): `triage status` and a worker's `--metrics-port`, on a real demo database and a
/// loopback chat endpoint.
@Suite(.serialized, .timeLimit(.minutes(10))) struct OperatorViewTests {
    static func freePort() throws -> Int {
        let socket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func scrape(_ port: Int) async -> String? {
        guard let url = URL(string: "http://127.0.0.1:\(port)/metrics"),
            let (data, _) = try? await URLSession.shared.data(from: url)
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func statusAndWorkerMetricsShowTheQueueAndTheModelCalls() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try await TriageProcess.run(["demo", "--out", folder.path, "--llm-sample", "0", "--no-llm"]).status == 0)
        let db = folder.appendingPathComponent("triage.sqlite").path
        let before = try await TriageProcess.run(["status", "--db", db])
        #expect(before.status == 0)
        #expect(before.stdout.contains("warranty") && before.stdout.contains("cards decided: rule:"))
        try await StubChatEndpoint.run(latency: .milliseconds(20)) { llmPort in
            let port = try Self.freePort()
            let worker = try TriageProcess.start(
                ["worker", "--db", db, "--concurrency", "2", "--metrics-port", String(port)],
                environment: ["TRIAGE_LLM_BASE_URL": "http://127.0.0.1:\(llmPort)/v1"])
            defer { worker.terminate() }
            var text = ""
            for _ in 0..<100 {
                try await Task.sleep(for: .milliseconds(200))
                text = await Self.scrape(port) ?? ""
                if text.contains(#"outcome="ok""#) { break }
            }
            #expect(text.contains("triage_queue_acks_total"), "\(text.prefix(400))")
            #expect(text.contains("triage_llm_request_duration_seconds_bucket"))
            #expect(text.contains(#"outcome="ok""#))
        }
        let after = try await TriageProcess.run(["status", "--db", db, "--json"])
        #expect(after.status == 0 && after.stdout.contains("\"queues\""))
    }
}
