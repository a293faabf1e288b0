import Foundation
import Testing
import TriageCore
import TriageStore

@Suite(.timeLimit(.minutes(10))) struct CardsDecideCommandTests {
    /// A gated return refund (order on file, inside the window) and a judgment card, from the demo's rules.
    static func database(_ folder: URL) async throws -> String {
        let db = folder.appendingPathComponent("t.sqlite").path
        let demo = try await TriageProcess.run(["demo", "--out", folder.appendingPathComponent("demo").path, "--no-llm", "--llm-sample", "0"])
        #expect(demo.status == 0)
        try FileManager.default.copyItem(atPath: folder.appendingPathComponent("demo/triage.sqlite").path, toPath: db)
        return db
    }

    @Test func usersAddPrintsATokenOnceAndAcceptExecutesTheGatedPlanWithItsOutboxMessage() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try await Self.database(folder)
        let added = try await TriageProcess.run(["users", "add", "dana", "--team", "customer_ops", "--db", db])
        #expect(added.status == 0)
        #expect(added.stdout.contains("token (shown once"))
        let duplicate = try await TriageProcess.run(["users", "add", "dana", "--db", db])
        #expect(duplicate.status != 0)
        #expect(duplicate.stderr.contains("exists already"))

        let store = try AppDatabase.open(path: db)
        let gated = try #require(try store.cards(statuses: [.awaitingConfirmation], kind: .returnRequest, limit: 1).first)
        let plan = try #require(gated.card.plan)
        // Probe 23.4: another team's reviewer is refused from the terminal as on the page and the API.
        _ = try await TriageProcess.run(["users", "add", "erin", "--team", "finance", "--db", db])
        let foreign = try await TriageProcess.run(["cards", "accept", "\(gated.id)", "--as", "erin", "--db", db])
        #expect(foreign.status != 0)
        #expect(foreign.stderr.contains("customer_ops team's"))
        let accepted = try await TriageProcess.run(["cards", "accept", "\(gated.id)", "--as", "dana", "--db", db, "--json"])
        #expect(accepted.status == 0)
        let outcome = try JSONCoding.decode(ReviewOutcome.self, from: accepted.stdout)
        #expect(outcome.action == plan.action)
        #expect(outcome.outboxMessages == plan.messages.count)
        #expect(try store.card(id: gated.id)?.card.status == .resolved)
        let again = try await TriageProcess.run(["cards", "accept", "\(gated.id)", "--as", "dana", "--db", db])
        #expect(again.status != 0)
        #expect(again.stderr.contains("resolved"))
    }

    @Test func rejectNeedsAKnownReviewerAndRecordsTheReason() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try await Self.database(folder)
        _ = try await TriageProcess.run(["users", "add", "eli", "--db", db])
        let store = try AppDatabase.open(path: db)
        let card = try #require(try store.cards(statuses: [.open], limit: 1).first)
        let stranger = try await TriageProcess.run(["cards", "reject", "\(card.id)", "--reason", "x", "--as", "nobody", "--db", db])
        #expect(stranger.status != 0)
        #expect(stranger.stderr.contains("no user named nobody"))
        let rejected = try await TriageProcess.run(["cards", "reject", "\(card.id)", "--reason", "duplicate of another ticket", "--as", "eli", "--db", db])
        #expect(rejected.status == 0)
        let decision = try #require(try await store.cardContext(id: card.id, now: Date())?.decisions.last)
        #expect(decision.actor == "eli")
        #expect(decision.action == "reject")
        #expect(decision.reason == "duplicate of another ticket")
    }

    @Test func editToAnActionTheCardDoesNotAllowFailsWithTheFieldNamed() async throws {
        let folder = try TriageProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try await Self.database(folder)
        _ = try await TriageProcess.run(["users", "add", "fay", "--db", db])
        let store = try AppDatabase.open(path: db)
        let gated = try #require(try store.cards(statuses: [.awaitingConfirmation], kind: .returnRequest, limit: 1).first)
        let wire = try await TriageProcess.run(
            ["cards", "edit", "\(gated.id)", "--action", "wire_money", "--set", "iban=XX00", "--as", "fay", "--db", db])
        #expect(wire.status != 0)
        #expect(wire.stderr.contains("action"))
        #expect(wire.stderr.contains("wire_money"))
        #expect(try store.card(id: gated.id)?.card.status == .awaitingConfirmation)
    }
}
