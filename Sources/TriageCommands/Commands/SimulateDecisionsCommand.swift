import ArgumentParser
import Foundation
import TriageDemoRun

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
        let (count, seed, path) = (count, seed, store.displayName)
        let tally = try await store.withServeStore(existing: true) { database in
            guard try await database.isDemo() else {
                throw CLIError.badInput("\(path) is not a demo database (no marker from `triage demo`): "
                    + "simulate-decisions decides from the demo generator's labels and never runs on real data")
            }
            return try await DecisionSimulation(database: database, count: count, seed: seed).run()
        }
        print(DecisionSimulation.summary(tally, path: path))
    }
}
