import Foundation
import Hummingbird
import Synchronization
import Testing
import TriagePostgres
import TriageTestSupport

/// Issue 17's fault test for the outbox on PostgreSQL: four `triage outbox deliver` relays drain one outbox into a
/// loopback receiver (10 ms a message), and are SIGKILLed at random (100 kills, each replaced), with their
/// connections terminated every tenth kill. Afterwards every message is marked delivered, and the receiver, which
/// applies a message once per idempotency key, has applied every message exactly once. Redeliveries (a relay killed
/// between the receiver's answer and the save) are counted and printed.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct PostgresOutboxFaultTests {
    static let messages = 3_000
    static let kills = 100

    @Test(.enabled(if: PostgresQueueFaultTests.enabled))
    func killedRelaysAndDroppedConnectionsApplyEveryMessageOnce() async throws {
        let url = try #require(ProcessInfo.processInfo.environment["TRIAGE_TEST_POSTGRES"], "TRIAGE_TEST_POSTGRES")
        var location = try PostgresLocation(url: url)
        let tag = "outbox_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        (location.schema, location.applicationName) = (tag, tag)
        try await PostgresStore.resetSchema(location)
        try await PostgresStore.withStore(location, connections: 1) { _ in }  // migrates
        _ = try await TestPostgres.lines(location, [
            """
            INSERT INTO outbox (target_system, message_type, payload, idempotency_key, next_attempt_at, created_at)
            SELECT 'erp', 'order.release', '{"n":' || g || '}', 'key-' || g, 0, 0 FROM generate_series(1, \(Self.messages)) g
            """
        ])
        let (receiver, relays) = (Receiver(), location)
        let (kills, terminations) = try await LoopbackServer.run(receiver.router) { port in
            try await Self.killLoop(relays, endpoint: "erp=http://127.0.0.1:\(port)/orders")
        }
        let delivered = try await TestPostgres.lines(location, [
            "SELECT idempotency_key FROM outbox WHERE state = 'delivered' AND lease_owner IS NULL"
        ])[0]
        let received = receiver.keys.withLock { $0 }
        let applied = Set(received)
        print("outbox fault test: \(Self.messages) messages, \(kills) SIGKILLs, \(terminations) terminated connections, "
            + "\(delivered.count) marked delivered, \(applied.count) applied once by key, "
            + "\(received.count - applied.count) redelivered with the same key")
        #expect(kills == Self.kills, "the outbox emptied before \(Self.kills) relays were killed mid-work")
        #expect(delivered.count == Self.messages, "every message marked delivered, no lease left")
        #expect(applied == Set((1...Self.messages).map { "key-\($0)" }), "every message applied, by its own key")
        #expect(received.count - applied.count < Self.messages / 10, "redeliveries are rare, not the rule")
        try await PostgresStore.dropSchema(location)
    }

    /// Four relays, one killed every 20–80 ms and replaced; connections terminated every tenth kill; then the
    /// survivors finish and a last relay takes what killed ones held once their 4 s leases run out.
    static func killLoop(_ location: PostgresLocation, endpoint: String) async throws -> (Int, Int) {
        let command = [
            "outbox", "deliver", "--db", location.urlWithSchema, "--endpoint", endpoint, "--lease-seconds", "4",
            "--max-wait", "5",
        ]
        var relays = try (0..<4).map { _ in try TriageProcess.start(command) }
        var (kills, terminations) = (0, 0)
        var generator = SystemRandomNumberGenerator()
        while kills < Self.kills {
            try await Task.sleep(for: .milliseconds(Int.random(in: 20...80, using: &generator)))
            let victim = Int.random(in: 0..<relays.count, using: &generator)
            guard relays[victim].isRunning else {
                if try await Self.pending(location) == 0 { break }
                relays[victim] = try TriageProcess.start(command)
                continue
            }
            kill(relays[victim].processIdentifier, SIGKILL)
            await relays[victim].exited()
            kills += 1
            if kills % 10 == 0 { terminations += try await Self.terminate(location) }
            relays[victim] = try TriageProcess.start(command)
        }
        for relay in relays { await relay.exited() }
        try await Task.sleep(for: .seconds(4.5))
        let last = try await TriageProcess.run(command)
        #expect(last.status == 0, "\(last.stdout)\n\(last.stderr)")
        return (kills, terminations)
    }

    /// Messages not yet delivered.
    static func pending(_ location: PostgresLocation) async throws -> Int {
        let count = try await TestPostgres.lines(location, ["SELECT COUNT(*)::text FROM outbox WHERE state <> 'delivered'"])
        return Int(count[0].first ?? "") ?? -1
    }

    /// Terminates the relays' connections (only this test's, by application name); how many.
    static func terminate(_ location: PostgresLocation) async throws -> Int {
        var admin = location
        admin.applicationName = "outbox-admin"
        let rows = try await TestPostgres.lines(admin, [
            """
            SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity
            WHERE application_name = '\(location.applicationName)' AND pid <> pg_backend_pid()
            """
        ])
        return rows[0].count
    }
}

/// A loopback receiver that answers each POST after 10 ms and records its `Idempotency-Key`.
private final class Receiver: Sendable {
    let keys = Mutex<[String]>([])

    var router: Router<BasicRequestContext> {
        let router = Router()
        router.post("/orders") { [self] request, _ -> Response in
            try await Task.sleep(for: .milliseconds(10))
            let key = request.headers.first { $0.name.canonicalName == "idempotency-key" }?.value ?? ""
            keys.withLock { $0.append(key) }
            return Response(status: .ok)
        }
        return router
    }
}
