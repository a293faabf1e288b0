import ArgumentParser
import Foundation
import TriageCore
import TriageDemo
import TriageStore

/// `triage simulate-decisions`: scripted reviewer decisions on a demo database, so the weekly review has a decision
/// log to read. Seeded: the same database and seed give the same decisions.
struct SimulateDecisionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate-decisions",
        abstract: "Decide open cards as scripted reviewers would (demo data only: uses the generator's labels).",
        discussion: """
            Per card: a rule's plan is accepted 9 times in 10 (else rejected: the count is disputed); an AI suggestion
            is accepted when it matches the demo generator's label and edited to the label otherwise; other cards
            are resolved by hand. Each decision is timed (opened, then decided 20 s to 7 min later) within a day of
            the exception. Reviewers sim-<team> are added when missing.
            """)

    @Option(help: "How many open cards to decide.")
    var count = 300

    @Option(help: "Seed for the choices and timings.")
    var seed: UInt64 = 7

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let database = try store.openExisting()
        guard try database.isDemo() else {
            throw CLIError("\(store.databasePath) is not a demo database (no marker from `triage demo`): "
                + "simulate-decisions decides from the demo generator's labels and never runs on real data")
        }
        var random = DemoRandom(seed: seed, stream: "simulated-reviews")
        var reviewers: [String: Reviewer] = [:]
        for user in try database.users() { reviewers[user.name] = user }
        var queue = try await database.reviewQueue(QueueFilter(limit: 100_000), now: .distantFuture)
            .sorted { $0.card.id < $1.card.id }
        queue.shuffle(using: &random)
        var tally: [String: Int] = [:]
        for item in queue.prefix(count) {
            let name = "sim-" + item.card.card.team.replacingOccurrences(of: "_", with: "-")
            if reviewers[name] == nil {
                reviewers[name] = try await database.addUser(
                    name: name, role: .reviewer, team: item.card.card.team, tokenHash: "simulated:" + name, now: Date())
            }
            guard let reviewer = reviewers[name], let context = try await database.cardContext(id: item.card.id, now: .distantPast)
            else { continue }
            let label = try database.demoLabel(
                source: context.exception.exception.source, eventID: context.exception.exception.eventID)
            let request = try ScriptedReviewer(context: context, labels: label?.values ?? [:]).request(random: &random)
            let opened = context.exception.exception.occurredAt.addingTimeInterval(Double.random(in: 1_800...72_000, using: &random))
            let quick = try context.card.card.plan != nil || ReviewPlanner.suggestion(of: context.card)?.action != nil
            let seconds = quick ? Double.random(in: 20...120, using: &random) : Double.random(in: 90...420, using: &random)
            _ = try await database.lockCard(id: item.card.id, reviewer: reviewer, until: opened.addingTimeInterval(600), now: opened)
            _ = try await database.decide(request, by: reviewer, planner: ReviewPlanner(), now: opened.addingTimeInterval(seconds))
            tally[request.verdict.rawValue, default: 0] += 1
        }
        let summary = tally.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("simulated \(tally.values.reduce(0, +)) decisions (\(summary)) on \(store.databasePath)")
    }
}
