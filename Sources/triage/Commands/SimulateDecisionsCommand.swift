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
        var queue = try database.reviewQueue(QueueFilter(limit: 100_000), now: .distantFuture)
            .sorted { $0.card.id < $1.card.id }
        queue.shuffle(using: &random)
        var tally: [String: Int] = [:]
        for item in queue.prefix(count) {
            let name = "sim-" + item.card.card.team.replacingOccurrences(of: "_", with: "-")
            if reviewers[name] == nil {
                reviewers[name] = try database.addUser(
                    name: name, role: .reviewer, team: item.card.card.team, tokenHash: "simulated:" + name, now: Date())
            }
            guard let reviewer = reviewers[name], let context = try database.cardContext(id: item.card.id, now: .distantPast)
            else { continue }
            let label = try database.demoLabel(
                source: context.exception.exception.source, eventID: context.exception.exception.eventID)
            let request = ScriptedReviewer(context: context, labels: label?.values ?? [:]).request(random: &random)
            let opened = context.exception.exception.occurredAt.addingTimeInterval(Double.random(in: 1_800...72_000, using: &random))
            let quick = context.card.card.plan != nil || ReviewPlanner.suggestion(of: context.card)?.action != nil
            let seconds = quick ? Double.random(in: 20...120, using: &random) : Double.random(in: 90...420, using: &random)
            _ = try database.lockCard(id: item.card.id, reviewer: reviewer, until: opened.addingTimeInterval(600), now: opened)
            _ = try database.decide(request, by: reviewer, planner: ReviewPlanner(), now: opened.addingTimeInterval(seconds))
            tally[request.verdict.rawValue, default: 0] += 1
        }
        let summary = tally.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("simulated \(tally.values.reduce(0, +)) decisions (\(summary)) on \(store.databasePath)")
    }
}

/// What a scripted reviewer does with one card.
struct ScriptedReviewer {
    let context: CardContext
    /// The demo generator's labels of the card's exception (from the demo database, never from the payload).
    let labels: [String: JSONValue]

    func request(random: inout DemoRandom) -> ReviewRequest {
        let card = context.card
        if card.card.plan != nil {
            return Double.random(in: 0..<1, using: &random) < 0.9
                ? ReviewRequest(cardID: card.id, verdict: .accept)
                : ReviewRequest(cardID: card.id, verdict: .reject, reason: "count disputed; recounting")
        }
        if let suggestion = ReviewPlanner.suggestion(of: card), let action = suggestion.action {
            let truth = truthAction(suggestion.task)
            guard let truth, truth != action else { return ReviewRequest(cardID: card.id, verdict: .accept) }
            return ReviewRequest(cardID: card.id, verdict: .edit, action: truth, reason: "checked against the source")
        }
        let action = card.card.decisionType == .escalated ? "acknowledged" : "resolved_manually"
        return ReviewRequest(cardID: card.id, verdict: .edit, action: action, reason: "handled by hand")
    }

    /// The demo generator's label for the task's action, when the exception has one.
    private func truthAction(_ task: AITask) -> String? {
        switch task {
        case .returnMatch:
            guard let truth = labels["order_id"] else { return nil }
            return truth.isNull ? "no_match" : "match_order"
        case .invoice, .warranty:
            return labels["expected"]?["action"]?.text
        }
    }
}
