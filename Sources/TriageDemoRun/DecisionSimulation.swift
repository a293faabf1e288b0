import Foundation
import TriageCore
import TriageDemo
import TriageStore

/// Scripted reviewer decisions on a demo store (SQLite or PostgreSQL, through the review port), so the weekly review has a decision log to read. Seeded: the
/// same database and seed give the same decisions.
public struct DecisionSimulation {
    let database: any ReviewStore & DemoLabelReading
    let count: Int
    let seed: UInt64

    /// A simulation deciding at most `count` open cards of `database`, its choices and timings drawn from `seed`.
    public init(database: any ReviewStore & DemoLabelReading, count: Int, seed: UInt64) {
        self.database = database
        self.count = count
        self.seed = seed
    }

    /// Decides the cards, adding reviewers sim-<team> where missing; returns how many decisions of each verdict.
    public func run() async throws -> [String: Int] {
        var random = DemoRandom(seed: seed, stream: "simulated-reviews")
        var reviewers: [String: Reviewer] = [:]
        for user in try await database.users() { reviewers[user.name] = user }
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
            let label = try await database.demoLabel(
                source: context.exception.exception.source, eventID: context.exception.exception.eventID)
            let request = try ScriptedReviewer(context: context, labels: label?.values ?? [:]).request(random: &random)
            let opened = context.exception.exception.occurredAt.addingTimeInterval(Double.random(in: 1_800...72_000, using: &random))
            let quick = try context.card.card.plan != nil || ReviewPlanner.suggestion(of: context.card)?.action != nil
            let seconds = quick ? Double.random(in: 20...120, using: &random) : Double.random(in: 90...420, using: &random)
            _ = try await database.lockCard(id: item.card.id, reviewer: reviewer, until: opened.addingTimeInterval(600), now: opened)
            _ = try await database.decide(request, by: reviewer, planner: ReviewPlanner(), now: opened.addingTimeInterval(seconds))
            tally[request.verdict.rawValue, default: 0] += 1
        }
        return tally
    }

    /// The closing line: decisions per verdict, on the database at `path`.
    public static func summary(_ tally: [String: Int], path: String) -> String {
        let summary = tally.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return "simulated \(tally.values.reduce(0, +)) decisions (\(summary)) on \(path)"
    }
}
