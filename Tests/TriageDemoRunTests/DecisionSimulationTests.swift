import Foundation
import Testing
import TriageStore

@testable import TriageDemoRun

@Suite struct DecisionSimulationTests {
    @Test func summaryCountsEachVerdictInNameOrder() {
        let line = DecisionSimulation.summary(["reject": 2, "accept": 5, "edit": 1], path: "demo/triage.sqlite")
        #expect(line == "simulated 8 decisions (accept 5, edit 1, reject 2) on demo/triage.sqlite")
    }

    @Test func anEmptyQueueIsAnEmptyTally() async throws {
        let tally = try await DecisionSimulation(database: try AppDatabase.inMemory(), count: 10, seed: 7).run()
        #expect(tally.isEmpty)
        #expect(DecisionSimulation.summary(tally, path: "x") == "simulated 0 decisions () on x")
    }
}
